import { create } from 'zustand';
import type { IndexStatus } from '../../../shared/domain/search-result';
import { requireWorkbench } from '../lib/require-workbench';

/** How often the index's progress is asked for while it is being built. */
const POLL_MS = 700;

interface IndexStatusState {
  status: IndexStatus | null;
  /** Bumped each time a build finishes: views that show derived data load it again. */
  builds: number;
  /** Asks main for the index's progress, and keeps asking while it builds. */
  watch(): void;
}

/**
 * The search and claims index's build progress (main builds it in the background at first
 * start, when its cache is missing, or after the watchlist changes).
 */
export const useIndexStatusStore = create<IndexStatusState>()((set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    status: null,
    builds: 0,
    watch() {
      if (timer) return;
      const poll = async () => {
        timer = null;
        try {
          const status = await requireWorkbench().search.status();
          const wasBuilding = get().status?.state === 'building';
          set({ status });
          if (status.state === 'building') timer = setTimeout(() => void poll(), POLL_MS);
          else if (wasBuilding) set((s) => ({ builds: s.builds + 1 }));
        } catch {
          // Main is unreachable: the store's own calls will say so.
        }
      };
      timer = setTimeout(() => void poll(), 0);
    },
  };
});
