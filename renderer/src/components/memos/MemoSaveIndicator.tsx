import { Text, Tooltip } from '@mantine/core';
import { useMemoSessionStore } from '../../stores/memo-session-store';

/** "Saving…", "Saved" or why not: always visible where the analyst writes. */
export function MemoSaveIndicator() {
  const save = useMemoSessionStore((s) => s.save);
  if (save.status === 'failed') {
    return (
      <Tooltip label={save.message} multiline w={300}>
        <Text size="xs" c="red" role="alert" data-testid="memo-save-state">
          Not saved: {save.message}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Text size="xs" c="dimmed" role="status" data-testid="memo-save-state">
      {save.status === 'saved' ? 'Saved' : 'Saving…'}
    </Text>
  );
}
