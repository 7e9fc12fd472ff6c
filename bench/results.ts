import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One measured figure, stable by `id` so runs can be compared. Targets are upper bounds. */
export interface BenchRow {
  id: string;
  label: string;
  value: number;
  unit: string;
  target: number | null;
  peer: { label: string; value: number } | null;
}

const resultsFile = join(import.meta.dirname, 'results.json');

/** Writes the rows into bench/results.json, replacing rows with the same id, keeping others. */
export async function saveResults(rows: readonly BenchRow[]): Promise<void> {
  let existing: BenchRow[] = [];
  try {
    existing = JSON.parse(await readFile(resultsFile, 'utf8')) as BenchRow[];
  } catch {
    // First run, or an unreadable file: start afresh.
  }
  const ids = new Set(rows.map((r) => r.id));
  const merged = [...existing.filter((r) => !ids.has(r.id)), ...rows].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  await writeFile(resultsFile, JSON.stringify(merged, null, 2) + '\n');
}

const round = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));

/** Prints the rows as an aligned table, with pass/fail against each target. */
export function printTable(rows: readonly BenchRow[]): void {
  const lines = rows.map((r) => [
    r.id,
    `${round(r.value)} ${r.unit}`,
    r.target === null ? '' : `≤ ${r.target} ${r.unit} ${r.value <= r.target ? 'ok' : 'MISSED'}`,
    r.peer ? `${r.peer.label}: ${round(r.peer.value)}` : '',
  ]);
  const header = ['id', 'value', 'target', 'peer'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
}
