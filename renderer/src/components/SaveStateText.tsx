import { Text, Tooltip } from '@mantine/core';

/** What a save indicator says: "Saving…", "Saved", or why not (in red, with the reason). */
export type SaveStateView = { status: 'saving' | 'saved' } | { status: 'failed'; message: string };

/** The save state where the analyst writes (the highlight panel, the memo). */
export function SaveStateText({ state, testId }: { state: SaveStateView; testId: string }) {
  if (state.status === 'failed') {
    return (
      <Tooltip label={state.message} multiline w={300}>
        <Text size="xs" c="red" role="alert" data-testid={testId}>
          Not saved: {state.message}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Text size="xs" c="dimmed" role="status" data-testid={testId}>
      {state.status === 'saving' ? 'Saving…' : 'Saved'}
    </Text>
  );
}
