import type { Low } from 'lowdb';
import type { WatchlistEntry } from '../../../shared/domain/company';
import type { RecommendationScale } from '../../../shared/domain/memo';
import type { CueStat, LexiconEdits, SuggestionLanguage } from '../../../shared/domain/suggestion';
import { countCueDecisions, type CueDecision } from './count-cue-decisions';
import { describeWriteFailure } from './describe-write-failure';
import type { serialQueue } from './serial-queue';
import type { StoreContext } from './store-context';
import type { LibraryFile, LibrarySettings } from './store-files';

export interface SettingsRepo {
  watchlist(): readonly WatchlistEntry[];
  /** Replaces the watchlist; one write of `library.json`. */
  saveWatchlist(entries: readonly WatchlistEntry[]): Promise<WatchlistEntry[]>;
  /** The ratings a memo's recommendation is chosen from, best first. */
  recommendationScale(): readonly string[];
  /** Replaces the scale; one write of `library.json`. Memos keep the ratings they have. */
  saveRecommendationScale(scale: readonly string[]): Promise<RecommendationScale>;
  /** The analyst's edits of each language's built-in cue lexicon. */
  lexiconEdits(language: SuggestionLanguage): LexiconEdits | undefined;
  saveLexiconEdits(language: SuggestionLanguage, edits: LexiconEdits): Promise<void>;
  /** How the analyst decided on suggestions, per cue. */
  cueStats(): readonly CueStat[];
  /**
   * Counts one decision for its cues. Decisions that arrive while a write is under way
   * go into the next write together, so reviewing suggestions quickly costs few writes
   * of `library.json`; each call resolves once its count is on disk.
   */
  countCueDecision(decision: CueDecision): Promise<void>;
  resetCueStats(): Promise<void>;
}

interface SettingsRepoDeps extends Pick<StoreContext, 'assertWritable'> {
  index: Low<LibraryFile>;
  indexWrites: ReturnType<typeof serialQueue>;
}

/** The library's settings live in `library.json`, written through the index's queue. */
export function createSettingsRepo({
  index,
  indexWrites,
  assertWritable,
}: SettingsRepoDeps): SettingsRepo {
  /**
   * Applies a change to the settings as they are now and writes them; a failed write
   * leaves them as they were. Runs inside the index's write queue.
   */
  async function writeChange(
    what: string,
    changed: (before: LibrarySettings) => Partial<LibrarySettings>,
  ): Promise<void> {
    const before = index.data.settings;
    index.data.settings = { ...before, ...changed(before) };
    try {
      await index.write();
    } catch (error) {
      index.data.settings = before;
      throw describeWriteFailure(what, error);
    }
  }

  /**
   * Writes one change of the settings, worked out from the settings as they are when its
   * turn in the queue comes, so a change never undoes one queued before it.
   */
  async function change(
    what: string,
    changed: (before: LibrarySettings) => Partial<LibrarySettings>,
  ): Promise<void> {
    assertWritable();
    await indexWrites(() => writeChange(what, changed));
  }

  let pending: Array<{ decision: CueDecision; settle: (error?: Error) => void }> = [];
  const suggestionSettings = () => index.data.settings.suggestions;

  return {
    watchlist: () => index.data.settings.watchlist,
    saveWatchlist: async (entries) => {
      await change('the watchlist', () => ({ watchlist: [...entries] }));
      return [...entries];
    },
    recommendationScale: () => index.data.settings.recommendationScale,
    saveRecommendationScale: async (scale) => {
      await change('the recommendation scale', () => ({ recommendationScale: [...scale] }));
      return [...scale];
    },
    lexiconEdits: (language) => suggestionSettings().lexicons[language],
    saveLexiconEdits: async (language, edits) => {
      await change('the cue lexicon', ({ suggestions }) => ({
        suggestions: { ...suggestions, lexicons: { ...suggestions.lexicons, [language]: edits } },
      }));
    },
    cueStats: () => suggestionSettings().cueStats,
    countCueDecision: async (decision) => {
      assertWritable();
      // Each decision waits for the write that takes it along, and shares its outcome: a
      // failed write fails every decision in it, so none is reported counted that is not.
      const written = new Promise<void>((resolve, reject) =>
        pending.push({ decision, settle: (error) => (error ? reject(error) : resolve()) }),
      );
      void indexWrites(async () => {
        if (pending.length === 0) return; // an earlier write took this one along
        const taken = pending;
        pending = [];
        try {
          await writeChange('the suggestion counts', ({ suggestions }) => ({
            suggestions: {
              ...suggestions,
              cueStats: countCueDecisions(
                suggestions.cueStats,
                taken.map((t) => t.decision),
              ),
            },
          }));
        } catch (failure) {
          for (const t of taken) t.settle(failure as Error);
          return;
        }
        for (const t of taken) t.settle();
      });
      await written;
    },
    resetCueStats: async () => {
      await change('the suggestion counts', ({ suggestions }) => ({
        suggestions: { ...suggestions, cueStats: [] },
      }));
    },
  };
}
