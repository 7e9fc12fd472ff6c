import type { Low } from 'lowdb';
import type { WatchlistEntry } from '../../../shared/domain/company';
import type { RecommendationScale } from '../../../shared/domain/memo';
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
  /** Writes one change of the settings; a failed write leaves them as they were. */
  async function change(what: string, changed: Partial<LibrarySettings>): Promise<void> {
    assertWritable();
    await indexWrites(async () => {
      const before = index.data.settings;
      index.data.settings = { ...before, ...changed };
      try {
        await index.write();
      } catch (error) {
        index.data.settings = before;
        throw describeWriteFailure(what, error);
      }
    });
  }

  return {
    watchlist: () => index.data.settings.watchlist,
    saveWatchlist: async (entries) => {
      await change('the watchlist', { watchlist: [...entries] });
      return [...entries];
    },
    recommendationScale: () => index.data.settings.recommendationScale,
    saveRecommendationScale: async (scale) => {
      await change('the recommendation scale', { recommendationScale: [...scale] });
      return [...scale];
    },
  };
}
