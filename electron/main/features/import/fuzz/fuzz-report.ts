import type { ErrorCode } from '../../../../../shared/ipc/error-codes';
import type { FuzzOutcome } from './classify-outcome';
import type { FuzzCase, FuzzTargetName } from './importer-fuzz-targets';

export interface TargetStats {
  cases: number;
  ok: number;
  typedErrors: number;
  failures: number;
  /** Of the typed errors: parses the pool stopped, threads that died, untyped throws caught by the worker. */
  timeouts: number;
  workerCrashes: number;
  safetyNet: number;
  codes: Partial<Record<ErrorCode, number>>;
  /** Wall time for the target's cases, all lanes together. */
  elapsedMs: number;
  /** Wall time per case with every lane busy: what 10,000 cases cost. */
  msPerCase: number;
  /** Mean and worst time from sending a case to its verdict. */
  meanCaseMs: number;
  maxCaseMs: number;
}

/** Enough to replay a case: `runImporterFuzz({ seed, targets: [target], only: [index] })`. */
export interface FuzzExample {
  target: FuzzTargetName;
  seed: number;
  index: number;
  reason: string;
  seedName: string;
  mutations: string[];
  ms: number;
  stack?: string | undefined;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  failures: number;
  byTarget: Partial<Record<FuzzTargetName, TargetStats>>;
  /** Failures, first ones first. */
  examples: FuzzExample[];
  /** Untyped throws the worker's catch-all turned into "damaged": not failures, but bugs to look at. */
  safetyNetExamples: FuzzExample[];
  /** The slowest cases, slowest first: where quadratic paths and the pool's timeout show. */
  slowest: FuzzExample[];
  /** Starting the worker threads and loading their parsers, before the first case. */
  warmUpMs: number;
  elapsedMs: number;
}

/** Cases slower than this are kept in `slowest`. */
const SLOW_CASE_MS = 2_000;

export function emptyReport(seed: number): FuzzReport {
  return {
    seed,
    cases: 0,
    failures: 0,
    byTarget: {},
    examples: [],
    safetyNetExamples: [],
    slowest: [],
    warmUpMs: 0,
    elapsedMs: 0,
  };
}

export function emptyStats(): TargetStats {
  return {
    cases: 0,
    ok: 0,
    typedErrors: 0,
    failures: 0,
    timeouts: 0,
    workerCrashes: 0,
    safetyNet: 0,
    codes: {},
    elapsedMs: 0,
    msPerCase: 0,
    meanCaseMs: 0,
    maxCaseMs: 0,
  };
}

export interface JudgedCase {
  target: FuzzTargetName;
  index: number;
  fuzzCase: FuzzCase;
  outcome: FuzzOutcome;
  ms: number;
}

/**
 * Counts one judged case into its target's stats and keeps it as an example when it
 * failed, fell into the worker's safety net (`internalStack` is the stack the pool logged)
 * or was slow; at most `maxExamples` of each.
 */
export function recordCase(
  report: FuzzReport,
  stats: TargetStats,
  judged: JudgedCase,
  options: { maxExamples: number; internalStack?: () => string | undefined },
): void {
  const { outcome, ms } = judged;
  stats.cases++;
  stats.meanCaseMs += ms;
  stats.maxCaseMs = Math.max(stats.maxCaseMs, ms);
  const example = (reason: string, stack?: string): FuzzExample => ({
    target: judged.target,
    seed: report.seed,
    index: judged.index,
    reason,
    seedName: judged.fuzzCase.seedName,
    mutations: judged.fuzzCase.mutations,
    ms,
    stack,
  });
  const keep = (list: FuzzExample[], item: FuzzExample) => {
    if (list.length < options.maxExamples) list.push(item);
  };

  if (ms >= SLOW_CASE_MS) {
    const verdict =
      outcome.kind === 'typed-error' ? `${outcome.code}: ${outcome.reason}` : outcome.kind;
    report.slowest.push(example(verdict));
    report.slowest.sort((a, b) => b.ms - a.ms).splice(options.maxExamples);
  }
  if (outcome.kind === 'ok') {
    stats.ok++;
  } else if (outcome.kind === 'typed-error') {
    stats.typedErrors++;
    stats.codes[outcome.code] = (stats.codes[outcome.code] ?? 0) + 1;
    if (outcome.refusal === 'timeout') stats.timeouts++;
    if (outcome.refusal === 'worker-crash') stats.workerCrashes++;
    if (outcome.refusal === 'safety-net') {
      stats.safetyNet++;
      const stack = options.internalStack?.();
      keep(report.safetyNetExamples, example(stack?.split('\n', 1)[0] ?? outcome.reason, stack));
    }
  } else {
    stats.failures++;
    report.failures++;
    keep(report.examples, example(outcome.reason, outcome.stack));
  }
  report.cases++;
}

/** Closes a target's stats once its cases ran. */
export function finishStats(stats: TargetStats, elapsedMs: number): void {
  stats.elapsedMs = elapsedMs;
  stats.msPerCase = stats.cases > 0 ? elapsedMs / stats.cases : 0;
  stats.meanCaseMs = stats.cases > 0 ? stats.meanCaseMs / stats.cases : 0;
}
