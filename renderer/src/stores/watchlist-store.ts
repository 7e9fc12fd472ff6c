import { create } from 'zustand';
import type { WatchlistEntry } from '../../../shared/domain/company';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

interface WatchlistState {
  entries: WatchlistEntry[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  /** Saves the whole list; throws WorkbenchCallError with the analyst's message. */
  save(entries: WatchlistEntry[]): Promise<void>;
}

/** The analyst's own companies, found in articles besides Margin's bundled list. */
export const useWatchlistStore = create<WatchlistState>()((set) => ({
  entries: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: 'loading', error: null });
    try {
      set({ entries: await requireWorkbench().settings.watchlist(), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async save(entries) {
    set({ entries: await requireWorkbench().settings.saveWatchlist(entries) });
  },
}));
