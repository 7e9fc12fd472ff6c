import { create } from 'zustand';
import type { BackupCatalog } from '../../../shared/domain/durability';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

interface BackupCatalogState {
  catalog: BackupCatalog | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Lists the rolling copies and snapshots again (the last list stays shown meanwhile). */
  load(): Promise<void>;
}

/** What the data folder's backups folder holds: rolling copies of each file, and snapshots. */
export const useBackupCatalogStore = create<BackupCatalogState>()((set) => {
  let generation = 0;
  return {
    catalog: null,
    status: 'idle',
    error: null,
    async load() {
      const current = ++generation;
      set((s) => ({ status: s.catalog ? s.status : 'loading' }));
      try {
        const catalog = await requireWorkbench().backups.list();
        if (current === generation) set({ catalog, status: 'ready', error: null });
      } catch (error) {
        if (current === generation) set({ status: 'error', error: errorMessage(error) });
      }
    },
  };
});
