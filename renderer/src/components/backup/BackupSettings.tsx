import { Button, Group, Text } from '@mantine/core';
import { useBackupStore } from '../../stores/backup-store';
import { useLibraryStore } from '../../stores/library-store';

/** Settings → Backup: the whole library to one file, and back. */
export function BackupSettings() {
  const busy = useBackupStore((s) => s.busy);
  const readOnly = useLibraryStore((s) => s.status?.readOnlyReason != null);
  const { backUp, chooseRestore } = useBackupStore.getState();
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        A backup is one zip file holding every article, claim, memo and revision exactly as stored.
        Restoring it gives back the same library, ids and all; restoring over a library that is not
        empty asks first and saves the current one.
      </Text>
      <Group gap="xs" mb="md">
        <Button size="xs" onClick={() => void backUp()} loading={busy === 'backup'}>
          Back up library…
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={() => void chooseRestore()}
          loading={busy === 'checking' || busy === 'restore'}
          disabled={readOnly}
        >
          Restore from backup…
        </Button>
      </Group>
    </>
  );
}
