import { notifications } from '@mantine/notifications';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { useMemoSessionStore } from '../../stores/memo-session-store';

/**
 * "Save a copy elsewhere…": the whole library plus the memo text this window has not been
 * able to save, to a zip the analyst chooses; a toast says where, or why not.
 */
export async function saveCopyElsewhere(): Promise<void> {
  const unsavedMemos = useMemoSessionStore.getState().unsaved();
  try {
    const outcome = await requireWorkbench().library.saveCopy({ unsavedMemos });
    if (!outcome.saved) return;
    const memos = unsavedMemos.length;
    notifications.show({
      color: 'green',
      title: 'Copy of the library saved',
      message: `${outcome.path}${memos > 0 ? ` (with ${memos === 1 ? 'the memo text' : `${memos} memos`} not saved in the library yet)` : ''}.`,
      autoClose: 12_000,
    });
  } catch (error) {
    notifications.show({
      color: 'red',
      title: 'The copy was not saved',
      message: errorMessage(error),
      autoClose: false,
    });
  }
}
