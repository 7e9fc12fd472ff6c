import { Alert, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { GenerationEntry } from '../../../../shared/domain/durability';
import { useBackupCatalogStore } from '../../stores/backup-catalog-store';
import { useBackupStore } from '../../stores/backup-store';
import { useLibraryStore } from '../../stores/library-store';
import { RestoreCopyModal } from './RestoreCopyModal';
import { RollingCopies } from './RollingCopies';
import { SnapshotList } from './SnapshotList';

/**
 * Settings → Backups, the part Margin keeps by itself: whole-library snapshots and the
 * rolling copies of each file, listed from the data folder, each one restorable.
 */
export function BackupsInDataFolder() {
  const catalog = useBackupCatalogStore((s) => s.catalog);
  const status = useBackupCatalogStore((s) => s.status);
  const error = useBackupCatalogStore((s) => s.error);
  const busy = useBackupStore((s) => s.busy);
  const readOnly = useLibraryStore((s) => s.status?.readOnlyReason != null);
  const [restoring, setRestoring] = useState<GenerationEntry | null>(null);
  const load = useBackupCatalogStore.getState().load;
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="sm">
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">
          Margin also keeps copies by itself, in{' '}
          <Code data-testid="backups-folder">{catalog?.folder ?? '…'}</Code>
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => void load()}
          loading={status === 'loading'}
        >
          Refresh list
        </Button>
      </Group>
      {readOnly && (
        <Text size="sm" c="dimmed">
          The library is read-only, so nothing can be restored into it now.
        </Text>
      )}
      {status === 'error' && error && (
        <Alert color="red" title="The backups could not be listed">
          {error}
        </Alert>
      )}
      {status === 'loading' && !catalog && <Loader size="xs" aria-label="Listing the backups" />}
      {catalog && (
        <>
          <section aria-labelledby="snapshots-title">
            <Title order={4} size="h6" id="snapshots-title" mb={4}>
              Snapshots of the whole library
            </Title>
            <SnapshotList
              snapshots={catalog.snapshots}
              disabled={readOnly}
              busy={busy !== null}
              onRestore={(snapshot) => void useBackupStore.getState().planSnapshot(snapshot.id)}
            />
          </section>
          <section aria-labelledby="rolling-copies-title">
            <Title order={4} size="h6" id="rolling-copies-title" mb={4}>
              Rolling copies of each file
            </Title>
            <Text size="xs" c="dimmed" mb={4}>
              The last versions of the library index, of each memo and of each article’s highlights,
              taken as they are saved. Putting one back keeps the current version as a copy first.
            </Text>
            <RollingCopies
              generations={catalog.generations}
              disabled={readOnly || busy !== null}
              onRestore={setRestoring}
            />
          </section>
        </>
      )}
      <RestoreCopyModal entry={restoring} onClose={() => setRestoring(null)} />
    </Stack>
  );
}
