import { notifications } from '@mantine/notifications';
import { create } from 'zustand';
import type { LibraryCounts, RestorePlan } from '../../../shared/domain/export';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

/** Survives the reload after a restore, so the restored library can say where it came from. */
const RESTORED_KEY = 'margin.restored';

interface BackupState {
  /** What is running: a backup being written, a backup file being checked, or a restore. */
  busy: 'backup' | 'checking' | 'restore' | null;
  /** The checked backup waiting for the analyst's go-ahead. */
  plan: RestorePlan | null;
  backUp(): Promise<void>;
  chooseRestore(): Promise<void>;
  confirmRestore(): Promise<void>;
  cancelRestore(): void;
}

export function describeCounts(counts: LibraryCounts): string {
  const part = (n: number, one: string, many: string) =>
    `${n.toLocaleString()} ${n === 1 ? one : many}`;
  return [
    part(counts.articles, 'article', 'articles'),
    part(counts.highlights, 'claim', 'claims'),
    part(counts.memos, 'memo', 'memos'),
  ].join(', ');
}

/**
 * Backing the library up to one zip file, and restoring one: main checks the backup
 * first, the analyst confirms (the dialog says what would be replaced), main restores,
 * and the page reloads onto the restored library.
 */
export const useBackupStore = create<BackupState>()((set, get) => ({
  busy: null,
  plan: null,

  async backUp() {
    if (get().busy) return;
    set({ busy: 'backup' });
    try {
      const outcome = await requireWorkbench().library.backup();
      if (outcome.saved) {
        const damaged = outcome.leftOut.length;
        notifications.show({
          color: damaged > 0 ? 'yellow' : 'green',
          title: `Library backed up (${describeCounts(outcome.counts)})`,
          message:
            damaged > 0
              ? `${outcome.path}. ${damaged} damaged ${damaged === 1 ? 'file was' : 'files were'} left out because Margin cannot read ${damaged === 1 ? 'it' : 'them'}: ${outcome.leftOut.join(', ')}.`
              : outcome.path,
          autoClose: damaged > 0 ? false : undefined,
        });
      }
    } catch (error) {
      notifications.show({ color: 'red', title: 'Backup not saved', message: errorMessage(error) });
    } finally {
      set({ busy: null });
    }
  },

  async chooseRestore() {
    if (get().busy) return;
    set({ busy: 'checking' });
    try {
      const plan = await requireWorkbench().library.chooseBackup();
      set({ plan });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'That backup cannot be restored',
        message: errorMessage(error),
      });
    } finally {
      set({ busy: null });
    }
  },

  async confirmRestore() {
    const plan = get().plan;
    if (!plan || get().busy) return;
    set({ busy: 'restore' });
    try {
      const outcome = await requireWorkbench().library.restore({ token: plan.token });
      sessionStorage.setItem(RESTORED_KEY, JSON.stringify({ plan, outcome }));
      // Every view reads the restored library from scratch.
      window.location.reload();
    } catch (error) {
      // A failed restore used up the checked backup: the analyst chooses it again.
      set({ busy: null, plan: null });
      notifications.show({
        color: 'red',
        title: 'Not restored',
        message: errorMessage(error),
        autoClose: false,
      });
    }
  },

  cancelRestore: () => set({ plan: null }),
}));

/** After the reload that follows a restore: one toast saying what was restored. */
export function announceRestore(): void {
  const saved = sessionStorage.getItem(RESTORED_KEY);
  if (!saved) return;
  sessionStorage.removeItem(RESTORED_KEY);
  try {
    const { plan, outcome } = JSON.parse(saved) as {
      plan: RestorePlan;
      outcome: { counts: LibraryCounts; previousLibraryBackup: string | null };
    };
    notifications.show({
      color: 'green',
      title: `Library restored from “${plan.fileName}”`,
      message: `${describeCounts(outcome.counts)}.${outcome.previousLibraryBackup ? ` The library it replaced was saved to ${outcome.previousLibraryBackup}.` : ''}`,
      autoClose: 12_000,
    });
  } catch {
    // A garbled note is not worth a message: the restore itself is done.
  }
}
