// `npm run bench`: runs every benchmark, writes bench/results.json and prints the summary
// of every row it holds (`tsx bench/summary.ts` prints it alone).
// `npm run bench -- anchor reader` runs only the benchmarks whose names start so.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benches } from './benches';
import { printSummary, saveResults, type BenchRow } from './results';

/** One benchmark in a fresh Node process: nothing loaded or warmed by another skews it. */
async function runInOwnProcess(name: string, dir: string): Promise<BenchRow[]> {
  const rowsFile = join(dir, `${name}.json`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'run-one.ts'), name, rowsFile],
    { stdio: 'inherit' },
  );
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`The ${name} benchmark failed (exit code ${code}).`);
  return JSON.parse(await readFile(rowsFile, 'utf8')) as BenchRow[];
}

const wanted = process.argv.slice(2);
const chosen = benches.filter(
  ([name]) => wanted.length === 0 || wanted.some((w) => name.startsWith(w)),
);
if (chosen.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(', ')}; names: ${benches.map(([n]) => n).join(', ')}.`,
  );
  process.exit(1);
}

const started = performance.now();
const rows: BenchRow[] = [];
const dir = await mkdtemp(join(tmpdir(), 'margin-bench-'));
try {
  for (const [name] of chosen) rows.push(...(await runInOwnProcess(name, dir)));
} finally {
  await rm(dir, { recursive: true, force: true });
}
const all = await saveResults(rows);
console.log(
  `\nWrote bench/results.json in ${((performance.now() - started) / 1000).toFixed(0)} s. Every row it holds:\n`,
);
printSummary(all, new Set(rows.map((r) => r.id)));
