// `npm run bench`: runs every benchmark, prints a table and writes bench/results.json.
import { runImportHtmlBench } from './import-html-bench';
import { runImportPdfBench } from './import-pdf-bench';
import { printTable, saveResults } from './results';
import { runStoreBench } from './store-bench';

const log = (line: string) => console.log(line);
const started = performance.now();
const rows = [
  ...(await runStoreBench(log)),
  ...(await runImportHtmlBench(log)),
  ...(await runImportPdfBench(log)),
];
console.log('');
printTable(rows);
await saveResults(rows);
console.log(
  `\nWrote bench/results.json in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
