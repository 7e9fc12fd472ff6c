import { Button, Group, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { WatchlistEntry } from '../../../../shared/domain/company';
import { errorMessage } from '../../lib/workbench-client';
import { useWatchlistStore } from '../../stores/watchlist-store';

const blank = (): WatchlistEntry => ({ name: '', ticker: '', aliases: [] });

/** Checks the rows before saving: the message names the row and what to fix. */
function problem(entries: readonly WatchlistEntry[]): string | null {
  const seen = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const row = `Row ${i + 1}`;
    if (!e.name.trim()) return `${row}: give the company's name.`;
    if (!e.ticker.trim()) return `${row}: give ${e.name.trim()}'s ticker (for example SHL.DE).`;
    if (e.ticker.trim().length > 32) return `${row}: a ticker has at most 32 characters.`;
    const ticker = e.ticker.trim().toUpperCase();
    if (seen.has(ticker)) return `${row}: ${ticker} is already on the watchlist.`;
    seen.add(ticker);
    if (e.aliases.some((a) => a.trim().length < 2))
      return `${row}: other names need 2 characters or more.`;
  }
  return null;
}

/** The watchlist as an editable table: name, ticker, other names. Saved as a whole. */
export function WatchlistEditor() {
  const saved = useWatchlistStore((s) => s.entries);
  const [rows, setRows] = useState<WatchlistEntry[]>(saved);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = JSON.stringify(rows) !== JSON.stringify(saved);
  const change = (i: number, patch: Partial<WatchlistEntry>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async () => {
    const entries = rows.map((r) => ({
      name: r.name.trim(),
      ticker: r.ticker.trim().toUpperCase(),
      aliases: r.aliases.map((a) => a.trim()).filter(Boolean),
    }));
    const wrong = problem(entries);
    setError(wrong);
    if (wrong) return;
    setSaving(true);
    try {
      await useWatchlistStore.getState().save(entries);
      setRows(useWatchlistStore.getState().entries);
      notifications.show({
        color: 'green',
        message: 'Saved the watchlist. Margin is looking for these companies in your articles.',
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Table withTableBorder verticalSpacing={4} aria-label="Watchlist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Company</Table.Th>
            <Table.Th>Ticker</Table.Th>
            <Table.Th>Other names in texts</Table.Th>
            <Table.Th aria-label="Remove" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed">
                  No companies on your watchlist yet.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Company ${i + 1}`}
                  placeholder="Siemens Healthineers"
                  value={row.name}
                  onChange={(e) => change(i, { name: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Ticker ${i + 1}`}
                  placeholder="SHL.DE"
                  value={row.ticker}
                  onChange={(e) => change(i, { ticker: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TagsInput
                  size="xs"
                  aria-label={`Other names ${i + 1}`}
                  placeholder="Healthineers, Enter"
                  value={row.aliases}
                  onChange={(aliases) => change(i, { aliases })}
                />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Text size="sm" c="red" mt="xs" role="alert">
          {error}
        </Text>
      )}
      <Group mt="sm" gap="xs">
        <Button size="xs" variant="default" onClick={() => setRows((list) => [...list, blank()])}>
          Add a company
        </Button>
        <Button size="xs" type="submit" loading={saving} disabled={!dirty}>
          Save watchlist
        </Button>
      </Group>
    </form>
  );
}
