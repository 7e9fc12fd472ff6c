import { create } from 'zustand';
import type { LibraryStatus } from '../../../shared/domain/library-status';
import { callFailures } from '../lib/call-failures';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

/** How often the status is read again while the window is visible. */
export const STATUS_POLL_MS = 4_000;

interface LibraryState {
  status: LibraryStatus | null;
  error: string | null;
  /** Reads the status now (a read already running is followed by one more). */
  loadStatus(): Promise<void>;
  /**
   * Keeps the status current: every few seconds while the window is visible, at once when
   * it becomes visible again and when any call fails because saving failed. Returns the stop.
   */
  watch(): () => void;
}

/**
 * The data folder's state: read-only or not, whether saving is failing, what the store
 * recovered or set aside (at startup or since), and the startup check of every file.
 */
export const useLibraryStore = create<LibraryState>()((set, get) => {
  let running: Promise<void> | null = null;
  let again = false;
  /** The last status as JSON: an unchanged status is not set again (no re-render every poll). */
  let lastJson = '';

  const read = async (): Promise<void> => {
    try {
      const status = await requireWorkbench().library.status();
      const json = JSON.stringify(status);
      if (json !== lastJson || get().error !== null) {
        lastJson = json;
        set({ status, error: null });
      }
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  };

  return {
    status: null,
    error: null,
    async loadStatus() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await read();
        } while (again);
      })().finally(() => {
        running = null;
      });
      return running;
    },
    watch() {
      const poll = () => void get().loadStatus();
      const timer = setInterval(() => {
        if (document.visibilityState === 'visible') poll();
      }, STATUS_POLL_MS);
      const onVisibility = () => document.visibilityState === 'visible' && poll();
      document.addEventListener('visibilitychange', onVisibility);
      const unlisten = callFailures.listen((error) => {
        if (error.code === 'STORE_WRITE_FAILED') poll();
      });
      poll();
      return () => {
        clearInterval(timer);
        document.removeEventListener('visibilitychange', onVisibility);
        unlisten();
      };
    },
  };
});
