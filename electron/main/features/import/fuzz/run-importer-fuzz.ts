import type { Logger } from '../../../logging/logger';
import { importWorkerFile } from '../../../test-support/import-worker-file';
import type { ParseRequest } from '../parse-request';
import { createParserPool, type ParserPool } from '../worker/parser-pool';
import { classifyParsed, classifyRejection, type FuzzOutcome } from './classify-outcome';
import { caseSeed, fuzzRandom } from './fuzz-random';
import {
  emptyReport,
  emptyStats,
  finishStats,
  recordCase,
  type FuzzReport,
  type TargetStats,
} from './fuzz-report';
import { loadSeeds } from './fuzz-seeds';
import { SOAK_LIMITS, type MutationLimits } from './mutation-limits';
import {
  FUZZ_TARGET_NAMES,
  FUZZ_TARGETS,
  type FuzzCase,
  type FuzzTargetName,
} from './importer-fuzz-targets';

export interface ImporterFuzzOptions {
  casesPerTarget: number;
  /** The run's seed: the same seed makes the same cases. */
  seed: number;
  targets?: readonly FuzzTargetName[];
  /** Replays only these case indexes (from a failure report). */
  only?: readonly number[];
  /** Cases in flight, one per worker thread of the pool. */
  lanes?: number;
  /** The pool stops a parse after this long (a typed DAMAGED_FILE, as in the app). */
  poolTimeoutMs?: number;
  /** A case with no answer after this long is a failure: the pool itself hung. */
  watchdogMs?: number;
  /** How far the extreme mutations go (SOAK_LIMITS unless told). */
  limits?: MutationLimits;
  maxExamples?: number;
  /** The parser worker entry; by default the TypeScript one tests use. */
  workerFile?: string | URL;
  onTargetDone?: (target: FuzzTargetName, stats: TargetStats) => void;
  /** Called after every case, for progress and for finding the slow ones. */
  onCase?: (event: {
    target: FuzzTargetName;
    index: number;
    outcome: FuzzOutcome;
    ms: number;
    fuzzCase: FuzzCase;
  }) => void;
}

/** Stop a target when the pool stops answering: every further case would wait for the watchdog. */
const MAX_WATCHDOG_TRIPS = 5;

/**
 * Runs `casesPerTarget` generated inputs per importer through the real parser pool
 * (worker threads with a heap limit and a timeout, as the app runs them), each under a
 * watchdog, and judges every outcome: a valid document, a typed error the app can show,
 * or a failure (untyped or INTERNAL error, watchdog, an exception on the main thread).
 */
export async function runImporterFuzz(options: ImporterFuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const lanes = options.lanes ?? 2;
  const internals = internalErrorLog();
  const pool = createParserPool({
    workerFile: options.workerFile ?? importWorkerFile,
    size: lanes,
    timeoutMs: options.poolTimeoutMs ?? 15_000,
    logger: internals.logger,
  });
  const run: FuzzRun = {
    pool,
    lanes,
    report: emptyReport(options.seed),
    internals,
    mainErrors: watchMainProcess(),
    limits: options.limits ?? SOAK_LIMITS,
    watchdogMs: options.watchdogMs ?? 30_000,
    maxExamples: options.maxExamples ?? 20,
    options,
  };
  try {
    await warmUp(pool, lanes);
    run.report.warmUpMs = performance.now() - started;
    for (const name of options.targets ?? FUZZ_TARGET_NAMES) {
      const stats = await runTarget(name, run);
      run.report.byTarget[name] = stats;
      options.onTargetDone?.(name, stats);
    }
  } finally {
    run.mainErrors.stop();
    await pool.close();
  }
  run.report.elapsedMs = performance.now() - started;
  return run.report;
}

/** What every case of a run shares. */
interface FuzzRun {
  pool: ParserPool;
  lanes: number;
  report: FuzzReport;
  internals: ReturnType<typeof internalErrorLog>;
  mainErrors: ReturnType<typeof watchMainProcess>;
  limits: MutationLimits;
  watchdogMs: number;
  maxExamples: number;
  options: ImporterFuzzOptions;
}

/** Runs one importer's cases, one lane per worker thread, each lane taking the next index. */
async function runTarget(name: FuzzTargetName, run: FuzzRun): Promise<TargetStats> {
  const { pool, limits, options } = run;
  const target = FUZZ_TARGETS[name];
  const seedOptions = { maxBytes: limits.maxSeedBytes, skip: limits.skipSeeds };
  const seeds = (
    await Promise.all(target.seedKinds.map((kind) => loadSeeds(kind, seedOptions)))
  ).flat();
  const indexes = options.only ?? Array.from({ length: options.casesPerTarget }, (_, i) => i);
  const stats = emptyStats();
  const started = performance.now();
  let next = 0;
  let watchdogTrips = 0;
  const lane = async () => {
    while (next < indexes.length && watchdogTrips < MAX_WATCHDOG_TRIPS) {
      const index = indexes[next++]!;
      const random = fuzzRandom(caseSeed(options.seed, name, index));
      const fuzzCase = await target.makeCase(random, seeds, limits);
      const caseStarted = performance.now();
      const judged = await judgeCase(pool, fuzzCase, run.watchdogMs);
      const ms = performance.now() - caseStarted;
      // An exception nobody caught on this thread while the case ran fails the case.
      const [mainError] = run.mainErrors.take();
      const outcome: FuzzOutcome =
        mainError === undefined
          ? judged
          : {
              kind: 'failure',
              reason: `main process: ${String(mainError)}`,
              stack: mainError instanceof Error ? mainError.stack : undefined,
            };
      if (outcome !== judged && judged.kind === 'typed-error' && judged.refusal === 'safety-net') {
        run.internals.take(); // its logged stack belongs to this case, not to the next one
      }
      if (outcome.kind === 'failure' && outcome.reason.startsWith('watchdog')) watchdogTrips++;
      recordCase(
        run.report,
        stats,
        { target: name, index, fuzzCase, outcome, ms },
        { maxExamples: run.maxExamples, internalStack: run.internals.take },
      );
      options.onCase?.({ target: name, index, outcome, ms, fuzzCase });
      if (retiredAThread(outcome)) await startReplacement(pool);
    }
  };
  await Promise.all(Array.from({ length: run.lanes }, lane));
  finishStats(stats, performance.now() - started);
  return stats;
}

/** Parses one case and judges it, or gives up after `watchdogMs` (and cancels the parse). */
async function judgeCase(
  pool: ParserPool,
  fuzzCase: FuzzCase,
  watchdogMs: number,
): Promise<FuzzOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<FuzzOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'failure', reason: `watchdog: no verdict within ${watchdogMs / 1000} s` });
    }, watchdogMs);
  });
  const verdict = pool.parse(fuzzCase.request, controller.signal).then(
    (document) => classifyParsed(document, fuzzCase.request),
    (error: unknown) => classifyRejection(error),
  );
  try {
    return await Promise.race([verdict, watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

/** Tiny inputs of every format: each loads its parser in a worker. */
const WARM_UP_REQUESTS: ParseRequest[] = (['html', 'md', 'txt', 'pdf', 'docx', 'eml'] as const).map(
  (format) => ({
    kind: 'bytes',
    format,
    bytes: new TextEncoder().encode('<p>Warm-up paragraph.</p>'),
  }),
);

/**
 * Starts the workers and loads their parsers before the clock runs, one thread first and
 * then the rest, as thread start-up (seconds under the test loader) counts against the
 * pool's timeout. Outcomes do not matter here: a broken pool fails every case anyway.
 */
async function warmUp(pool: ParserPool, lanes: number): Promise<void> {
  const settle = (request: ParseRequest) => pool.parse(request).catch(() => undefined);
  for (const request of WARM_UP_REQUESTS) await settle(request);
  for (const request of WARM_UP_REQUESTS) {
    await Promise.all(Array.from({ length: lanes }, () => settle(request)));
  }
}

/** Whether the pool ended a thread for this case (stopped, crashed, cancelled, wedged). */
function retiredAThread(outcome: FuzzOutcome): boolean {
  if (outcome.kind === 'ok') return false;
  return (
    outcome.kind === 'failure' ||
    (outcome.refusal !== 'refused' && outcome.refusal !== 'safety-net') ||
    outcome.code === 'CANCELLED'
  );
}

/**
 * Lets the replacement thread start on a warm-up input rather than on the next case, whose
 * clock would otherwise include the start-up. A start-up slower than the pool's timeout is
 * stopped too, so it is tried a few times.
 */
async function startReplacement(pool: ParserPool): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await pool
      .parse(WARM_UP_REQUESTS[0]!)
      .then((): FuzzOutcome => ({ kind: 'ok' }), classifyRejection);
    if (!retiredAThread(outcome)) return;
  }
}

/**
 * The pool logs the stack of every untyped parser error just before it rejects that job
 * with the worker's catch-all refusal, so the n-th such refusal belongs to the n-th stack.
 */
function internalErrorLog(): { logger: Logger; take: () => string | undefined } {
  const stacks: string[] = [];
  const ignore = () => undefined;
  return {
    logger: {
      info: ignore,
      warn: ignore,
      error: (message: unknown, detail: unknown) => {
        if (message === 'Import parser error') stacks.push(String(detail));
      },
    },
    take: () => stacks.shift(),
  };
}

/** Exceptions nobody caught on this (main) thread while the cases ran. */
function watchMainProcess(): { take: () => unknown[]; stop: () => void } {
  let caught: unknown[] = [];
  const keep = (error: unknown) => caught.push(error);
  process.on('uncaughtException', keep);
  process.on('unhandledRejection', keep);
  return {
    take: () => {
      const taken = caught;
      caught = [];
      return taken;
    },
    stop: () => {
      process.off('uncaughtException', keep);
      process.off('unhandledRejection', keep);
    },
  };
}
