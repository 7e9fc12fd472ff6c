import type { Article } from '../../../../shared/domain/article';
import {
  NO_LEXICON_EDITS,
  SuggestionLanguage,
  type SuggestionSettings,
} from '../../../../shared/domain/suggestion';
import { BUILT_IN_LEXICONS } from '../../../../shared/suggestions/cue-lexicon';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import { articleSuggestions } from './article-suggestions';

/**
 * Claim suggestions: scored here, on the machine, from the article's canonical text; no
 * byte leaves it. Dismissals are stored with the article's annotations; the analyst's
 * decisions are counted per cue and their lexicon edits kept in the library's settings.
 */
export function createSuggestionsHandlers({
  library,
  articleText,
}: {
  library: Library;
  articleText: (id: string) => Promise<Article>;
}): Pick<ChannelHandlers, `suggestions:${string}` & keyof ChannelHandlers> {
  const scored = articleSuggestions(
    library.settings,
    articleText,
    (id) => library.articles.findById(id)?.language,
  );
  /**
   * Decisions counted this session: a key repeat or a retried call must not count twice.
   * (After a restart a decided suggestion is no longer offered: it is a highlight, or dismissed.)
   */
  const counted = new Set<string>();

  function settings(): SuggestionSettings {
    return {
      lexicons: SuggestionLanguage.options.map((language) => {
        const { risk, thesis, sources } = BUILT_IN_LEXICONS[language]!;
        return {
          language,
          builtIn: { risk, thesis, sources },
          edits: library.settings.lexiconEdits(language) ?? NO_LEXICON_EDITS,
        };
      }),
      cueStats: [...library.settings.cueStats()],
    };
  }

  return {
    'suggestions:list': async ({ articleId }) => {
      const [{ language, suggestions }, dismissed] = await Promise.all([
        scored.of(articleId),
        library.annotations.listDismissedSuggestions(articleId),
      ]);
      const hidden = new Set(dismissed.map((d) => `${d.start}:${d.end}`));
      return {
        articleId,
        language,
        suggestions: suggestions.filter((s) => !hidden.has(`${s.start}:${s.end}`)),
        dismissed: dismissed.length,
      };
    },

    'suggestions:decide': async (input) => {
      const { language, suggestions } = await scored.of(input.articleId);
      const suggestion = suggestions.find((s) => s.start === input.start && s.end === input.end);
      if (!suggestion) {
        throw new AppError(
          'NOT_FOUND',
          'Margin no longer suggests this sentence (the cue lexicon may have changed); show the suggestions again.',
        );
      }
      const key = `${input.articleId}:${input.start}:${input.end}`;
      const dismissed =
        input.decision === 'dismissed'
          ? await library.annotations.dismissSuggestion(input.articleId, input)
          : (await library.annotations.listDismissedSuggestions(input.articleId)).length;
      if (!counted.has(key)) {
        await library.settings.countCueDecision({
          language,
          claimClass: suggestion.claimClass,
          cues: suggestion.cues,
          outcome:
            input.decision === 'dismissed'
              ? 'dismissed'
              : input.acceptedAs === suggestion.claimClass
                ? 'accepted'
                : 'reclassed',
        });
        counted.add(key);
      }
      return { dismissed };
    },

    'suggestions:restoreDismissed': async ({ articleId }) => ({
      restored: await library.annotations.restoreDismissedSuggestions(articleId),
    }),

    'suggestions:settings': async () => settings(),

    'suggestions:saveLexicon': async ({ language, edits }) => {
      const builtIn = BUILT_IN_LEXICONS[language]!;
      // Only built-in cues can be removed, and a cue added twice is kept once.
      const tidy = (list: 'risk' | 'thesis' | 'sources') => ({
        added: [...new Set(edits.added[list])].filter((cue) => !builtIn[list].includes(cue)),
        removed: [...new Set(edits.removed[list])].filter((cue) => builtIn[list].includes(cue)),
      });
      const risk = tidy('risk');
      const thesis = tidy('thesis');
      const sources = tidy('sources');
      await library.settings.saveLexiconEdits(language, {
        added: { risk: risk.added, thesis: thesis.added, sources: sources.added },
        removed: { risk: risk.removed, thesis: thesis.removed, sources: sources.removed },
      });
      scored.forget();
      return settings();
    },

    'suggestions:resetCueStats': async () => {
      await library.settings.resetCueStats();
      return settings();
    },
  };
}
