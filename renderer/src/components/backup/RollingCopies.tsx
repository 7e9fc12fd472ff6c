import { Button, Collapse, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { GenerationEntry } from '../../../../shared/domain/durability';
import { formatBytes } from '../../lib/format-bytes';
import { formatDateTime } from '../../lib/format-date';
import { groupGenerations, type GenerationGroup } from '../../lib/group-generations';

const when = (at: string) => formatDateTime(at, { seconds: true });

function CopiesOfFile({
  group,
  disabled,
  onRestore,
}: {
  group: GenerationGroup;
  disabled: boolean;
  onRestore(entry: GenerationEntry): void;
}) {
  const [open, setOpen] = useState(false);
  const count = group.entries.length;
  const panelId = `copies-${group.key.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return (
    <li className="rolling-copies-file" data-testid="rolling-copies-file">
      <UnstyledButton
        className="rolling-copies-toggle"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls={panelId}
      >
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" aria-hidden>
            {open ? '▾' : '▸'}
          </Text>
          <Text size="sm" fw={600} truncate>
            {group.label}
          </Text>
          <Text size="xs" c="dimmed" className="rolling-copies-count">
            {count} {count === 1 ? 'copy' : 'copies'} · newest {when(group.entries[0]!.at)}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Table
          id={panelId}
          verticalSpacing={2}
          aria-label={`Rolling copies of ${group.label}`}
          className="rolling-copies-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Saved</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th aria-label="Restore" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{when(entry.at)}</Table.Td>
                <Table.Td>{formatBytes(entry.bytes)}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={disabled}
                    onClick={() => onRestore(entry)}
                    aria-label={`Restore this copy of ${entry.label} from ${when(entry.at)}`}
                  >
                    Restore this copy
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Collapse>
    </li>
  );
}

/** The last versions of each store file, by file; any one can be put back. */
export function RollingCopies({
  generations,
  disabled,
  onRestore,
}: {
  generations: readonly GenerationEntry[];
  disabled: boolean;
  onRestore(entry: GenerationEntry): void;
}) {
  if (generations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rolling copies yet. Each time a file is saved, Margin keeps its previous version (the
        last 20 of each).
      </Text>
    );
  }
  return (
    <ul className="rolling-copies" aria-label="Rolling copies by file">
      {groupGenerations(generations).map((group) => (
        <CopiesOfFile key={group.key} group={group} disabled={disabled} onRestore={onRestore} />
      ))}
    </ul>
  );
}
