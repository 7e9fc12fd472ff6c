// `npm run bench`: runs every benchmark, prints a table and writes bench/results.json.
// `npm run bench -- anchor reader` runs only the benchmarks whose names start so.
import { runAnchorBench } from './anchor-bench';
import { runBoardBench } from './board-bench';
import { runImportHtmlBench } from './import-html-bench';
import { runImportPdfBench } from './import-pdf-bench';
import { runReaderPaintBench } from './reader-paint-bench';
import { runSearchBench } from './search-bench';
import { printTable, saveResults, type BenchRow } from './results';
import { runStoreBench } from './store-bench';

type Bench = (log: (line: string) => void) => Promise<BenchRow[]>;

const benches: Array<[name: string, run: Bench]> = [
  ['store', runStoreBench],
  ['import-html', runImportHtmlBench],
  ['import-pdf', runImportPdfBench],
  ['anchor', runAnchorBench],
  ['reader-paint', runReaderPaintBench],
  ['search', runSearchBench],
  ['board', runBoardBench],
];

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

const log = (line: string) => console.log(line);
const started = performance.now();
const rows: BenchRow[] = [];
for (const [, run] of chosen) rows.push(...(await run(log)));
console.log('');
printTable(rows);
await saveResults(rows);
console.log(
  `\nWrote bench/results.json in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
