// The importer fuzz lane of `npm run test:soak`: 10,000 generated inputs per importer
// (SOAK_FUZZ_CASES to change it) through the real parser pool, with the soak's deeper
// mutations. SOAK_FUZZ_SEED replays a run (a new seed is drawn and printed otherwise),
// SOAK_FUZZ_TARGETS=pdf,docx limits the importers, SOAK_FUZZ_ONLY=17,42 replays cases.
import {
  FUZZ_TARGET_NAMES,
  type FuzzTargetName,
} from '../electron/main/features/import/fuzz/importer-fuzz-targets';
import { SOAK_LIMITS } from '../electron/main/features/import/fuzz/mutation-limits';
import type { FuzzExample, TargetStats } from '../electron/main/features/import/fuzz/fuzz-report';
import { runImporterFuzz } from '../electron/main/features/import/fuzz/run-importer-fuzz';

export interface FuzzSoakResult {
  /** What goes into bench/soak.json. */
  counts: { fuzzCases: number; fuzzFailures: number; fuzzSeed: number; fuzzByTarget: object };
  failures: number;
}

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, not "${raw}".`);
  }
  return value;
}

function targetsFromEnv(): FuzzTargetName[] {
  const raw = process.env.SOAK_FUZZ_TARGETS;
  if (!raw) return [...FUZZ_TARGET_NAMES];
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(FUZZ_TARGET_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `SOAK_FUZZ_TARGETS: unknown ${unknown.join(', ')} (known: ${FUZZ_TARGET_NAMES.join(', ')}).`,
    );
  }
  return names as FuzzTargetName[];
}

const row = (cells: readonly (string | number)[]) =>
  cells.map((cell, i) => String(cell).padStart(i === 0 ? 0 : 10)).join('');

function statsRow(name: string, s: TargetStats): string {
  return (
    row([
      name.padEnd(11),
      s.cases,
      s.ok,
      s.typedErrors,
      s.failures,
      s.timeouts,
      s.workerCrashes,
      s.safetyNet,
      s.msPerCase.toFixed(1),
    ]) + `   (${(s.elapsedMs / 60_000).toFixed(1)} min)`
  );
}

function describeExample(e: FuzzExample): string {
  const stack = e.stack ? `\n    ${e.stack.split('\n').slice(0, 8).join('\n    ')}` : '';
  return (
    `  ${e.target} #${e.index} from ${e.seedName} [${e.mutations.join(' ')}]\n` +
    `    ${(e.ms / 1000).toFixed(1)} s: ${e.reason}\n` +
    `    replay: SOAK_RUNS=0 SOAK_FUZZ_SEED=${e.seed} SOAK_FUZZ_TARGETS=${e.target} SOAK_FUZZ_ONLY=${e.index} npm run test:soak${stack}`
  );
}

/** Runs the fuzz lane as the environment asks, printing a table per importer as it goes. */
export async function runImporterFuzzSoak(log: (line: string) => void): Promise<FuzzSoakResult> {
  const casesPerTarget = wholeNumber('SOAK_FUZZ_CASES', 10_000);
  const seed = wholeNumber('SOAK_FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
  const only = process.env.SOAK_FUZZ_ONLY?.split(',').map(Number);
  const targets = targetsFromEnv();
  log(
    `Importer fuzzing: ${only ? `cases ${only.join(', ')}` : casesPerTarget.toLocaleString('en-US')} ` +
      `per importer (${targets.join(', ')}), seed ${seed}…`,
  );
  log(
    row([
      'importer   ',
      'cases',
      'ok',
      'typed',
      'FAILURES',
      'timeouts',
      'crashes',
      'safetyNet',
      'ms/case',
    ]),
  );
  const report = await runImporterFuzz({
    casesPerTarget,
    seed,
    targets,
    only,
    limits: SOAK_LIMITS,
    onTargetDone: (name, stats) => log(statsRow(name, stats)),
  });
  log(`fuzzCases     ${report.cases}`);
  log(`fuzzFailures  ${report.failures} (target 0)`);
  log(
    `warm-up ${(report.warmUpMs / 1000).toFixed(1)} s, total ${(report.elapsedMs / 60_000).toFixed(1)} min`,
  );
  if (report.slowest.length > 0) {
    log('\nThe slowest cases (a timeout is a typed refusal, but slow paths are worth a look):');
    for (const example of report.slowest.slice(0, 5)) log(describeExample(example));
  }
  if (report.safetyNetExamples.length > 0) {
    log(
      '\nUntyped errors the worker caught and reported as "damaged" (not failures; worth a look):',
    );
    for (const example of report.safetyNetExamples.slice(0, 5)) log(describeExample(example));
  }
  if (report.examples.length > 0) {
    log(`\n${report.failures} failure(s), the first ${report.examples.length}:`);
    for (const example of report.examples) log(describeExample(example));
  }
  const fuzzByTarget = Object.fromEntries(
    Object.entries(report.byTarget).map(([name, s]) => [
      name,
      {
        cases: s.cases,
        failures: s.failures,
        ok: s.ok,
        typedErrors: s.typedErrors,
        timeouts: s.timeouts,
        workerCrashes: s.workerCrashes,
        safetyNet: s.safetyNet,
        msPerCase: Math.round(s.msPerCase * 10) / 10,
      },
    ]),
  );
  return {
    counts: {
      fuzzCases: report.cases,
      fuzzFailures: report.failures,
      fuzzSeed: seed,
      fuzzByTarget,
    },
    failures: report.failures,
  };
}
