import type { Article } from '../../../../shared/domain/article';
import {
  NO_LEXICON_EDITS,
  SuggestionLanguage,
  type ClaimSuggestion,
} from '../../../../shared/domain/suggestion';
import { lexiconFor } from '../../../../shared/suggestions/cue-lexicon';
import { editedLexicon } from '../../../../shared/suggestions/edited-lexicon';
import { suggestClaims } from '../../../../shared/suggestions/suggest-claims';
import type { SettingsRepo } from '../../storage/settings-repo';

export interface ScoredArticle {
  /** The article's language when it was scored (the analyst may correct it later). */
  articleLanguage: string;
  language: SuggestionLanguage;
  suggestions: ClaimSuggestion[];
}

/**
 * Scores articles with the built-in lexicon of their language plus the analyst's edits.
 * The last few results are kept: the reader asks for the list, then a decision per key
 * press looks its suggestion up again. A lexicon edit starts the cache afresh.
 */
export function articleSuggestions(
  settings: Pick<SettingsRepo, 'lexiconEdits'>,
  articleText: (id: string) => Promise<Article>,
  /** The language the index holds now: the analyst's correction wins over the import's. */
  currentLanguage: (id: string) => string | undefined,
  capacity = 4,
) {
  const recent = new Map<string, ScoredArticle>();
  return {
    async of(articleId: string): Promise<ScoredArticle> {
      const cached = recent.get(articleId);
      if (cached && cached.articleLanguage === currentLanguage(articleId)) return cached;
      const article = await articleText(articleId);
      const articleLanguage = currentLanguage(articleId) ?? article.language;
      const chosen = lexiconFor(articleLanguage);
      const language = SuggestionLanguage.parse(chosen.language);
      const lexicon = editedLexicon(
        chosen.lexicon,
        settings.lexiconEdits(language) ?? NO_LEXICON_EDITS,
      );
      const scored = {
        articleLanguage,
        language,
        suggestions: suggestClaims(article.text, language, lexicon),
      };
      recent.set(articleId, scored);
      while (recent.size > capacity) recent.delete(recent.keys().next().value!);
      return scored;
    },
    forget(): void {
      recent.clear();
    },
  };
}
