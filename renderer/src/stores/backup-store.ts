import { notifications } from '@mantine/notifications';
import { create } from 'zustand';
import type { GenerationEntry, GenerationRestored } from '../../../shared/domain/durability';
import type { LibraryCounts, RestorePlan } from '../../../shared/domain/export';
import { formatDateTime } from '../lib/format-date';
import { requireWorkbench } from '../lib/require-workbench';
import { shownNotices } from '../lib/shown-notices';
import { errorMessage, WorkbenchCallError } from '../lib/workbench-client';
import { useMemoSessionStore } from './memo-session-store';

/** Survives the reload after a restore, so the restored library can say where it came from. */
const RESTORED_KEY = 'margin.restored';
/** The same for a rolling copy put back. */
const RESTORED_COPY_KEY = 'margin.restoredCopy';

/** Every view reads the restored library from scratch; notices already shown stay shown. */
function reloadPage(): void {
  shownNotices.keepForReload();
  window.location.reload();
}

interface BackupState {
  /** What is running: a backup being written, a backup file being checked, or a restore. */
  busy: 'backup' | 'checking' | 'restore' | null;
  /** The checked backup waiting for the analyst's go-ahead. */
  plan: RestorePlan | null;
  backUp(): Promise<void>;
  chooseRestore(): Promise<void>;
  /** Checks a snapshot in the data folder: the same confirmation as a chosen backup follows. */
  planSnapshot(id: string): Promise<void>;
  confirmRestore(): Promise<void>;
  /**
   * Puts a rolling copy back (main keeps the current file as a copy first), then reloads.
   * False, with a toast saying why, when it was not restored.
   */
  restoreGeneration(entry: GenerationEntry): Promise<boolean>;
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

  async planSnapshot(id) {
    if (get().busy) return;
    set({ busy: 'checking' });
    try {
      const plan = await requireWorkbench().backups.planRestore({ id });
      set({ plan });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'That snapshot cannot be restored',
        message: errorMessage(error),
      });
    } finally {
      set({ busy: null });
    }
  },

  async restoreGeneration(entry) {
    if (get().busy) return false;
    set({ busy: 'restore' });
    try {
      await settleOpenMemo();
      const restored = await requireWorkbench().backups.restoreGeneration({ id: entry.id });
      sessionStorage.setItem(RESTORED_COPY_KEY, JSON.stringify(restored));
      reloadPage();
      return true;
    } catch (error) {
      set({ busy: null });
      notifications.show({
        color: 'red',
        title: `${entry.label}: not restored`,
        message: errorMessage(error),
        autoClose: false,
      });
      return false;
    }
  },

  async confirmRestore() {
    const plan = get().plan;
    if (!plan || get().busy) return;
    set({ busy: 'restore' });
    try {
      await settleOpenMemo();
      const outcome = await requireWorkbench().library.restore({ token: plan.token });
      sessionStorage.setItem(RESTORED_KEY, JSON.stringify({ plan, outcome }));
      reloadPage();
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

/**
 * Before a restore, whose reload starts every view afresh: what is queued goes to disk
 * (main then keeps it in the copy it takes first), and text that cannot be saved stops it.
 */
async function settleOpenMemo(): Promise<void> {
  const session = useMemoSessionStore.getState();
  await session.flush();
  const unsaved = session.unsaved();
  if (unsaved.length > 0) {
    throw new WorkbenchCallError(
      'STORE_WRITE_FAILED',
      `“${unsaved[0]!.title || 'Untitled memo'}” has changes Margin could not save yet, and the reload that follows a restore would lose them. Use “Save a copy elsewhere…” first, or restore once saving works again.`,
    );
  }
}

/** After the reload that follows a restore: one toast saying what was restored. */
export function announceRestore(): void {
  announceRestoredCopy();
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

function announceRestoredCopy(): void {
  const saved = sessionStorage.getItem(RESTORED_COPY_KEY);
  if (!saved) return;
  sessionStorage.removeItem(RESTORED_COPY_KEY);
  try {
    const restored = JSON.parse(saved) as GenerationRestored;
    notifications.show({
      color: 'green',
      title: `${restored.label} restored`,
      message: `Back to the copy saved on ${formatDateTime(restored.at, { seconds: true })}. The version it replaced is kept as a rolling copy: Settings → Backups can put it back.`,
      autoClose: 12_000,
    });
  } catch {
    // As above: the restore is done; only its note is unreadable.
  }
}
