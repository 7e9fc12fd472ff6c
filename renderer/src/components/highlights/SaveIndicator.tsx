import { Text, Tooltip } from '@mantine/core';
import { useHighlightsStore } from '../../stores/highlights-store';

/** "Saving…", "Saved" or why not: always visible where the analyst annotates. */
export function SaveIndicator() {
  const save = useHighlightsStore((s) => s.save);
  if (save.status === 'idle') return null;
  if (save.status === 'failed') {
    return (
      <Tooltip label={save.message} multiline w={260}>
        <Text size="xs" c="red" role="alert" data-testid="save-state">
          Not saved: {save.message}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Text size="xs" c="dimmed" role="status" data-testid="save-state">
      {save.status === 'saving' ? 'Saving…' : 'Saved'}
    </Text>
  );
}
