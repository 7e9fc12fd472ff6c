import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { describeCounts, useBackupStore } from '../../stores/backup-store';
import { formatInstant } from '../../lib/format-date';

/**
 * "Restore this backup?": what the checked backup holds and, when the library is not
 * empty, that it will be replaced (never merged) and saved first.
 */
export function RestoreDialog() {
  const plan = useBackupStore((s) => s.plan);
  const busy = useBackupStore((s) => s.busy);
  const { confirmRestore, cancelRestore } = useBackupStore.getState();
  return (
    <Modal
      opened={plan !== null}
      onClose={() => busy !== 'restore' && cancelRestore()}
      title={
        plan?.currentIsEmpty ? 'Restore this backup?' : 'Replace your library with this backup?'
      }
      size="lg"
    >
      {plan && (
        <Stack gap="sm">
          <Text size="sm">
            “{plan.fileName}”, made {formatInstant(plan.createdAt)} by Margin {plan.appVersion}:{' '}
            {describeCounts(plan.backup)}.
          </Text>
          {!plan.currentIsEmpty && (
            <Alert color="orange" title="Your current library will be replaced">
              It holds {describeCounts(plan.current)}. Restoring replaces all of it with the backup;
              nothing is merged. Margin first saves a backup of it in the data folder’s “backups”
              folder, so you can go back.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={cancelRestore} disabled={busy === 'restore'}>
              Cancel
            </Button>
            <Button
              color={plan.currentIsEmpty ? undefined : 'red'}
              loading={busy === 'restore'}
              onClick={() => void confirmRestore()}
            >
              {plan.currentIsEmpty ? 'Restore' : 'Replace library'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
