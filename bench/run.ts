// `npm run bench`: runs every benchmark, prints a table and writes bench/results.json.
import { printTable, saveResults } from './results';
import { runStoreBench } from './store-bench';

const log = (line: string) => console.log(line);
const started = performance.now();
const rows = [...(await runStoreBench(log))];
console.log('');
printTable(rows);
await saveResults(rows);
console.log(
  `\nWrote bench/results.json in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
