import { Button, Table, Text } from '@mantine/core';
import type { SnapshotEntry } from '../../../../shared/domain/durability';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime } from '../../lib/format-date';

const KIND_LABEL: Record<SnapshotEntry['kind'], string> = {
  daily: 'Daily snapshot',
  'before-restore': 'Before a restore',
};

/** The whole-library snapshots in the data folder, newest first; each can be restored. */
export function SnapshotList({
  snapshots,
  disabled,
  busy,
  onRestore,
}: {
  snapshots: readonly SnapshotEntry[];
  disabled: boolean;
  busy: boolean;
  onRestore(snapshot: SnapshotEntry): void;
}) {
  if (snapshots.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No snapshots yet. Margin takes one each day the library is used (and keeps 14), and one
        before every restore.
      </Text>
    );
  }
  return (
    <Table withTableBorder verticalSpacing={4} aria-label="Snapshots">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Taken</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th aria-label="Restore" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {snapshots.map((snapshot) => (
          <Table.Tr key={snapshot.id}>
            <Table.Td>{KIND_LABEL[snapshot.kind]}</Table.Td>
            <Table.Td>
              <Text size="sm" title={snapshot.fileName} span>
                {formatDateTime(snapshot.at)}
              </Text>
            </Table.Td>
            <Table.Td>{formatBytes(snapshot.bytes)}</Table.Td>
            <Table.Td ta="right">
              <Button
                size="compact-xs"
                variant="default"
                disabled={disabled || busy}
                onClick={() => onRestore(snapshot)}
                aria-label={`Restore… ${KIND_LABEL[snapshot.kind].toLowerCase()} of ${formatDateTime(snapshot.at)}`}
              >
                Restore…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
