import { Button, Group } from '@mantine/core';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { saveCopyElsewhere } from '../durability/save-copy-elsewhere';
import { SaveStateText } from '../SaveStateText';

/**
 * "Saving…" (also while typing), "Saved" or why not: always visible where the analyst
 * writes. When saving failed, the memo's text can be saved elsewhere from right here.
 */
export function MemoSaveIndicator() {
  const save = useMemoSessionStore((s) => s.save);
  const state = save.status === 'pending' ? { status: 'saving' as const } : save;
  if (save.status !== 'failed') return <SaveStateText state={state} testId="memo-save-state" />;
  return (
    <Group gap={6} wrap="nowrap" className="memo-save-failed">
      <SaveStateText state={state} testId="memo-save-state" />
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
