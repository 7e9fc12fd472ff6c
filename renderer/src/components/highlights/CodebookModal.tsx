import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Tag } from '../../../../shared/domain/codebook';
import { errorMessage } from '../../lib/workbench-client';
import { useCodebookStore } from '../../stores/codebook-store';
import { useHighlightsStore } from '../../stores/highlights-store';

type RowMode =
  { kind: 'rename'; id: string; name: string } | { kind: 'merge'; id: string; into: string | null };

/** The codebook manager: the analyst's tags as a tree, created, renamed and merged here. */
export function CodebookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const tags = useCodebookStore((s) => s.tags);
  const paths = useCodebookStore((s) => s.paths);
  const [newPath, setNewPath] = useState('');
  const [mode, setMode] = useState<RowMode | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const sorted = [...tags].sort((a, b) => paths.get(a.id)!.localeCompare(paths.get(b.id)!));

  async function attempt(task: () => Promise<string | null>) {
    setMessage(null);
    try {
      const done = await task();
      if (done) setMessage({ error: false, text: done });
      setMode(null);
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    }
  }

  const create = () =>
    attempt(async () => {
      await useCodebookStore.getState().ensure([newPath]);
      setNewPath('');
      return null;
    });

  const rename = (id: string, name: string) =>
    attempt(async () => {
      await useCodebookStore.getState().rename(id, name);
      return null;
    });

  const merge = (from: Tag, intoId: string) =>
    attempt(async () => {
      const changed = await useCodebookStore.getState().merge(from.id, intoId);
      await useHighlightsStore.getState().refresh(); // the open article's tags changed too
      return `Merged "${paths.get(from.id)}" into "${paths.get(intoId)}": ${changed} highlight${changed === 1 ? '' : 's'} retagged.`;
    });

  return (
    <Modal opened={opened} onClose={onClose} title="Codebook: your tags" size="lg">
      <Stack gap="sm">
        <Group
          gap="xs"
          align="flex-end"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <TextInput
            flex={1}
            label="New tag"
            description="Use › or / for a sub-tag: Risk › Regulatory"
            value={newPath}
            onChange={(e) => setNewPath(e.currentTarget.value)}
          />
          <Button type="submit" disabled={newPath.trim() === ''}>
            Add
          </Button>
        </Group>
        {message && (
          <Alert color={message.error ? 'red' : 'green'} p="xs">
            {message.text}
          </Alert>
        )}
        {sorted.length === 0 ? (
          <Text c="dimmed" size="sm">
            No tags yet. Add one here, or type it in a highlight's Tags field.
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label="Tags">
            <Table.Tbody>
              {sorted.map((tag) => (
                <Table.Tr key={tag.id}>
                  <Table.Td>
                    {mode?.kind === 'rename' && mode.id === tag.id ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          void rename(tag.id, mode.name);
                        }}
                      >
                        <TextInput
                          size="xs"
                          aria-label={`New name for ${paths.get(tag.id)}`}
                          value={mode.name}
                          autoFocus
                          onChange={(e) => setMode({ ...mode, name: e.currentTarget.value })}
                        />
                      </form>
                    ) : (
                      <Text size="sm">{paths.get(tag.id)}</Text>
                    )}
                  </Table.Td>
                  <Table.Td w={320}>
                    {mode?.kind === 'merge' && mode.id === tag.id ? (
                      <Group gap={4} wrap="nowrap">
                        <Select
                          size="xs"
                          placeholder="Merge into…"
                          aria-label={`Merge ${paths.get(tag.id)} into`}
                          searchable
                          data={sorted
                            .filter((t) => t.id !== tag.id)
                            .map((t) => ({ value: t.id, label: paths.get(t.id)! }))}
                          value={mode.into}
                          onChange={(into) => setMode({ ...mode, into })}
                          comboboxProps={{ withinPortal: false }}
                        />
                        <Button
                          size="compact-xs"
                          disabled={!mode.into}
                          onClick={() => mode.into && void merge(tag, mode.into)}
                        >
                          Merge
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => setMode(null)}>
                          Cancel
                        </Button>
                      </Group>
                    ) : (
                      <Group gap={4} justify="flex-end">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setMode({ kind: 'rename', id: tag.id, name: tag.name })}
                        >
                          Rename
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setMode({ kind: 'merge', id: tag.id, into: null })}
                        >
                          Merge…
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
