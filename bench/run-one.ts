// Runs one benchmark (its name, then the file for its rows): `run.ts` starts one process each.
import { writeFile } from 'node:fs/promises';
import { benches } from './benches';

const [name, rowsFile] = process.argv.slice(2);
const entry = benches.find(([n]) => n === name);
if (!entry || !rowsFile) {
  console.error(`Usage: run-one.ts <${benches.map(([n]) => n).join('|')}> <rows.json>`);
  process.exit(2);
}
const run = await entry[1]();
const rows = await run((line) => console.log(line));
await writeFile(rowsFile, JSON.stringify(rows));
