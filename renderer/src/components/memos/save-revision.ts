import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../lib/workbench-client';
import { useMemoSessionStore } from '../../stores/memo-session-store';

/** Ctrl+S in a memo: a named revision of what is on screen, confirmed with a toast. */
export function saveManualRevision(): void {
  if (!useMemoSessionStore.getState().memo) return;
  useMemoSessionStore
    .getState()
    .snapshot('manual')
    .then(() => notifications.show({ message: 'Saved a revision of the memo.' }))
    .catch((error) =>
      notifications.show({
        color: 'red',
        message: `No revision was saved: ${errorMessage(error)}`,
      }),
    );
}
