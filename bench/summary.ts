// `tsx bench/summary.ts`: the table of every row in bench/results.json, whichever runs wrote them.
import { printSummary, readResults } from './results';

const rows = await readResults();
if (rows.length === 0) {
  console.error('bench/results.json holds no rows yet: run `npm run bench` first.');
  process.exit(1);
}
printSummary(rows);
