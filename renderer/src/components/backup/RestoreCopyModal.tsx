import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { GenerationEntry } from '../../../../shared/domain/durability';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime } from '../../lib/format-date';
import { useBackupStore } from '../../stores/backup-store';

const WHAT_CHANGES: Record<GenerationEntry['file']['kind'], string> = {
  library:
    'The library index holds the settings, the tags and the list of articles and memos; the articles, highlights and memos themselves are not touched.',
  memo: 'The memo’s text and header go back to this version; its revisions stay as they are.',
  annotations: 'The article’s highlights, tags and notes go back to this version.',
};

/** "Restore this copy?": what goes back, and that the current version is kept first. */
export function RestoreCopyModal({
  entry,
  onClose,
}: {
  entry: GenerationEntry | null;
  onClose(): void;
}) {
  const busy = useBackupStore((s) => s.busy);
  const restoring = busy === 'restore';
  return (
    <Modal
      opened={entry !== null}
      onClose={() => !restoring && onClose()}
      title="Restore this copy?"
      size="lg"
    >
      {entry && (
        <Stack gap="sm">
          <Text size="sm">
            {entry.label} as it was saved on {formatDateTime(entry.at, { seconds: true })} (
            {formatBytes(entry.bytes)}) replaces the current version.{' '}
            {WHAT_CHANGES[entry.file.kind]}
          </Text>
          <Alert color="blue" title="The current version is kept as a copy first">
            Margin saves the current version as a rolling copy before putting this one back, so you
            can return to it here. The window then reloads.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={restoring}>
              Cancel
            </Button>
            <Button
              loading={restoring}
              onClick={() =>
                void useBackupStore
                  .getState()
                  .restoreGeneration(entry)
                  .then((restored) => !restored && onClose())
              }
            >
              Restore this copy
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
