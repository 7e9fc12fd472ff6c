import type { Low } from 'lowdb';
import type { WatchlistEntry } from '../../../shared/domain/company';
import { describeWriteFailure } from './describe-write-failure';
import type { serialQueue } from './serial-queue';
import type { StoreContext } from './store-context';
import type { LibraryFile } from './store-files';

export interface SettingsRepo {
  watchlist(): readonly WatchlistEntry[];
  /** Replaces the watchlist; one write of `library.json`. */
  saveWatchlist(entries: readonly WatchlistEntry[]): Promise<WatchlistEntry[]>;
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
  return {
    watchlist: () => index.data.settings.watchlist,
    saveWatchlist: async (entries) => {
      assertWritable();
      return indexWrites(async () => {
        const before = index.data.settings;
        index.data.settings = { ...before, watchlist: [...entries] };
        try {
          await index.write();
        } catch (error) {
          index.data.settings = before;
          throw describeWriteFailure('the watchlist', error);
        }
        return [...entries];
      });
    },
  };
}
