import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { saveCopyElsewhere } from '../durability/save-copy-elsewhere';
import { SaveStateText } from '../SaveStateText';

/**
 * "Saving…" (also while typing), "Saved" or why not: always visible where the analyst
 * writes. When saving failed, the memo's text can be saved elsewhere from right here.
 */
/** After a conflict: keep the text on screen, or show the version the other program wrote. */
async function resolve(choice: 'mine' | 'theirs'): Promise<void> {
  const done = await useMemoSessionStore.getState().resolveConflict(choice);
  if (!done && choice === 'theirs') {
    notifications.show({
      color: 'yellow',
      title: 'Your newer text is still here',
      message:
        'You typed after the conflict copy was saved, so showing the version on disk would drop that text. Keep yours, or copy it first.',
    });
  }
}

export function MemoSaveIndicator() {
  const save = useMemoSessionStore((s) => s.save);
  const conflict = useMemoSessionStore((s) => s.conflict);
  const state = save.status === 'pending' ? { status: 'saving' as const } : save;
  if (save.status !== 'failed') return <SaveStateText state={state} testId="memo-save-state" />;
  return (
    <Group gap={6} wrap="nowrap" className="memo-save-failed">
      <SaveStateText state={state} testId="memo-save-state" />
      {conflict && (
        <>
          <Button size="compact-xs" variant="light" onClick={() => void resolve('mine')}>
            Keep mine
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => void resolve('theirs')}>
            Use the version on disk
          </Button>
        </>
      )}
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        className="memo-save-copy"
        onClick={() => void saveCopyElsewhere()}
      >
        Save a copy elsewhere…
      </Button>
    </Group>
  );
}
