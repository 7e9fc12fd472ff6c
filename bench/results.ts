import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One measured figure, stable by `id` so runs can be compared. Targets are upper bounds. */
export interface BenchRow {
  id: string;
  label: string;
  value: number;
  unit: string;
  target: number | null;
  /**
   * What the figure is weighed against, measured in the same run and in the row's unit:
   * a peer (single-file lowdb, naive anchoring, MiniSearch), a limit (a raw fsync write of
   * the same bytes) or a baseline (the process before opening the library).
   */
  peer: { label: string; value: number } | null;
  /** When the row was measured (ISO time; set on saving, absent from older results). */
  measuredAt?: string;
}

const resultsFile = join(import.meta.dirname, 'results.json');

/** The rows of bench/results.json: every benchmark's latest run; none when there is no file. */
export async function readResults(): Promise<BenchRow[]> {
  try {
    return JSON.parse(await readFile(resultsFile, 'utf8')) as BenchRow[];
  } catch {
    return []; // First run, or an unreadable file: start afresh.
  }
}

/**
 * Writes the rows into bench/results.json, replacing rows with the same id, keeping others,
 * and returns what the file now holds.
 */
export async function saveResults(rows: readonly BenchRow[]): Promise<BenchRow[]> {
  const measuredAt = new Date().toISOString();
  const fresh = rows.map((r) => ({ ...r, measuredAt: r.measuredAt ?? measuredAt }));
  const ids = new Set(rows.map((r) => r.id));
  const merged = [...(await readResults()).filter((r) => !ids.has(r.id)), ...fresh].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
  await writeFile(resultsFile, JSON.stringify(merged, null, 2) + '\n');
  return merged;
}

/** Three significant digits, whole numbers from 100 on: 0.996, 2.28, 16.1, 3536. */
const round = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : String(Number(value.toPrecision(3)));

/**
 * Prints one aligned table of `rows`: the figure, its target with ✓ (met) or ✗ (missed),
 * the peer or limit it was measured against in the same run, and when it was measured.
 * Rows whose id is in `current` are marked as measured by this run.
 */
export function printSummary(rows: readonly BenchRow[], current?: ReadonlySet<string>): void {
  const lines = rows.map((r) => [
    r.id,
    `${round(r.value)} ${r.unit}`,
    r.target === null ? '' : `≤ ${round(r.target)} ${r.unit}`,
    r.target === null ? '' : r.value <= r.target ? '✓' : '✗',
    r.peer ? `${r.peer.label}: ${round(r.peer.value)} ${r.unit}` : '',
    current?.has(r.id) ? 'this run' : (r.measuredAt?.slice(0, 16).replace('T', ' ') ?? '-'),
  ]);
  const header = ['id', 'value', 'target', '', 'peer / limit (same run)', 'measured'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  const targeted = rows.filter((r) => r.target !== null);
  const missed = targeted.filter((r) => r.value > r.target!);
  console.log(
    `\n${rows.length} rows, ${targeted.length} with a target: ${targeted.length - missed.length} met, ${missed.length} missed${missed.length > 0 ? ` (${missed.map((r) => r.id).join(', ')})` : ''}.`,
  );
}
