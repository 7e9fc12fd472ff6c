import { create } from 'zustand';
import type { LibraryStatus } from '../../../shared/domain/library-status';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

interface LibraryState {
  status: LibraryStatus | null;
  error: string | null;
  loadStatus(): Promise<void>;
}

/** The data folder's state: read-only or not, and what the store recovered at startup. */
export const useLibraryStore = create<LibraryState>()((set) => ({
  status: null,
  error: null,
  async loadStatus() {
    try {
      set({ status: await requireWorkbench().library.status(), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
