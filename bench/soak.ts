// `npm run test:soak`: the kill -9 crash loop for 1,000 runs (SOAK_RUNS to change it, 0 to
// skip it, SOAK_SEED to replay one, SOAK_LANES for the lanes side by side), then the
// importer fuzzing (bench/importer-fuzz-soak.ts; SOAK_FUZZ=0 skips it). Prints the counts,
// merges them into bench/soak.json and exits non-zero on any loss, unreadable file,
// fuzzing failure or other failure. The short versions run with the unit tests
// (crash-loop.test.ts, importer-fuzz.test.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCrashLoop } from '../electron/main/storage/__tests__/crash-loop/run-crash-loop';
import { runImporterFuzzSoak } from './importer-fuzz-soak';

const soakFile = join(import.meta.dirname, 'soak.json');

/** Adds `counts` to bench/soak.json, keeping the keys other soaks wrote there. */
async function saveCounts(counts: Record<string, unknown>): Promise<void> {
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(await readFile(soakFile, 'utf8')) as Record<string, unknown>;
  } catch {
    // First run, or an unreadable file: start afresh.
  }
  await writeFile(soakFile, JSON.stringify({ ...existing, ...counts }, null, 2) + '\n');
}

const runs = Number(process.env.SOAK_RUNS ?? 1_000);
const seed = process.env.SOAK_SEED === undefined ? undefined : Number(process.env.SOAK_SEED);
const lanes = process.env.SOAK_LANES === undefined ? undefined : Number(process.env.SOAK_LANES);
if (!Number.isInteger(runs) || runs < 0) {
  console.error(`SOAK_RUNS must be a whole number, not "${process.env.SOAK_RUNS}".`);
  process.exit(2);
}

if (runs > 0) await crashLoopLane();
if (process.env.SOAK_FUZZ !== '0') {
  const fuzz = await runImporterFuzzSoak(console.log);
  await saveCounts(fuzz.counts);
  if (fuzz.failures > 0) process.exitCode = 1;
}

async function crashLoopLane(): Promise<void> {
  console.log(`Soak: ${runs} kill -9 runs…`);
  const result = await runCrashLoop({ iterations: runs, seed, lanes, log: console.log });
  const { killRuns, lostAcknowledged, unreadable, failures } = result;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`killRuns          ${killRuns}`);
  console.log(`lostAcknowledged  ${lostAcknowledged} (target 0)`);
  console.log(`unreadable        ${unreadable} (target 0)`);
  console.log(
    `acknowledged ${result.acknowledged}, killed in flight ${result.inFlightKills} ` +
      `(landed ${result.landedInFlight}), cut-off saves kept ${result.cutOffSaves}, ` +
      `stray temp files ${result.strayTempFiles}, stale-lock waits ${result.staleLockWaits}`,
  );
  console.log(
    `child open ${ms(result.meanOpenMs)}, check ${ms(result.meanCheckMs)}, ` +
      `total ${(result.elapsedMs / 1000).toFixed(1)} s`,
  );
  await saveCounts({ killRuns, lostAcknowledged, unreadable });
  if (failures.length > 0) {
    console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
    if (result.keptDir) console.error(`The data folders are kept in ${result.keptDir}.`);
  }
  if (lostAcknowledged > 0 || unreadable > 0 || failures.length > 0) process.exitCode = 1;
}
