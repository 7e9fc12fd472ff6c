import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { seededRandom } from '../../../../../bench/random';
import { mutationStream, type MutationStream } from './mutation-stream';
import { readAckLog } from './read-ack-log';
import { verifyCrashState } from './verify-crash-state';

export interface CrashLoopOptions {
  iterations: number;
  /** Seeds the kill moments, the children's bursts and every lane's mutation stream. */
  seed?: number;
  /** Iterations run side by side, each lane in its own data folder. */
  lanes?: number;
  /**
   * The kill comes at a moment drawn uniformly from [0, killWindowMs) after the child says
   * `ready` (library open), not after spawn: children are started ahead of their turn, so
   * "after spawn" would mostly measure how long a child waited. From `ready`, every kill
   * lands in the running phase: mid-burst, mid-write, in an idle gap, or during the
   * background startup check that runs beside the first mutations.
   */
  killWindowMs?: number;
  /** Called with a line of progress now and then. */
  log?: (line: string) => void;
}

export interface CrashLoopResult {
  /** Children killed with SIGKILL (a child that exited by itself is a failure instead). */
  killRuns: number;
  lostAcknowledged: number;
  unreadable: number;
  failures: string[];
  /** Mutations acknowledged over the run, every lane together. */
  acknowledged: number;
  /** Kills that came while a mutation was issued and not yet acknowledged. */
  inFlightKills: number;
  /** Of those, the ones whose mutation was found applied afterwards. */
  landedInFlight: number;
  /** Kills that left an unreadable lock file, so the next open waited out its grace period. */
  staleLockWaits: number;
  /** Temp files that outlived a startup check, counted once each (the sweeps missed them). */
  strayTempFiles: number;
  /** Saves cut off before their rename, kept aside and reported by the next open (allowed). */
  cutOffSaves: number;
  /** Time a child took to open the library (from its task to its `ready`), averaged. */
  meanOpenMs: number;
  /** Time the parent took to open, check and close the library after a kill, averaged. */
  meanCheckMs: number;
  elapsedMs: number;
  /** The work folder, kept for inspection when something failed; null once removed. */
  keptDir: string | null;
}

/** A child that is not ready by then is stuck, not slow. */
const READY_TIMEOUT_MS = 30_000;
const DEFAULT_SEED = 20_260_302;

interface Lane {
  index: number;
  dir: string;
  dataDir: string;
  ackLog: string;
  streamSeed: number;
  /** The parent's copy of the stream, at the last acknowledged mutation. */
  stream: MutationStream;
  /** Highest sequence number any child of this lane announced. */
  issued: number;
  /** Data folders started so far (a new one after a failure). */
  generation: number;
  /** Temp files found after a startup check, relative to the data folder. */
  strayTempFiles: Set<string>;
}

interface ChildRun {
  killed: boolean;
  exitCode: number | null;
  /** From `go` to `ready`: opening the library. Null when it never got there. */
  openMs: number | null;
  /** The highest sequence number it announced. */
  issued: number;
  stderr: string;
}

interface WarmChild {
  /** Gives the child its task, kills it `killAfterMs` after its `ready`, resolves once it is gone. */
  run(task: ChildTask, killAfterMs: number): Promise<ChildRun>;
  /** Ends a child that was never used. */
  dismiss(): void;
}

interface ChildTask {
  dataDir: string;
  ackLog: string;
  streamSeed: number;
  runSeed: number;
}

/**
 * Bundles crash-child.ts once per run, so a child loads one JavaScript file instead of
 * compiling TypeScript through tsx. Nothing is external: the bundle runs from the temp
 * folder without resolving node_modules.
 */
async function bundleChild(outDir: string): Promise<string> {
  const outfile = join(outDir, 'crash-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  return outfile;
}

/**
 * Starts a child that loads its code and waits for its task. Loading the bundle takes a
 * third of a second or more on a busy machine, so each lane starts its next child while
 * the current one runs; the kill still hits a process that opened the library itself.
 */
function startChild(bundle: string): WarmChild {
  const child = spawn(process.execPath, [bundle], { stdio: ['pipe', 'pipe', 'pipe'] });
  const run: ChildRun = { killed: false, exitCode: null, openMs: null, issued: 0, stderr: '' };
  let onReady: () => void = () => undefined;
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') onReady();
      else if (line.startsWith('issue ')) {
        run.issued = Math.max(run.issued, Number(line.slice('issue '.length)));
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    run.stderr = (run.stderr + chunk).slice(-4_000);
  });
  const ended = new Promise<ChildRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      run.killed = signal === 'SIGKILL';
      run.exitCode = code;
      resolve(run);
    });
  });
  // An unused child's end is never awaited; a spawn error then surfaces in run() or nowhere.
  ended.catch(() => undefined);
  const kill = () => child.kill('SIGKILL');
  return {
    run: async (task, killAfterMs) => {
      const sent = performance.now();
      const stuck = setTimeout(kill, READY_TIMEOUT_MS);
      let killer: NodeJS.Timeout | undefined;
      onReady = () => {
        if (run.openMs !== null) return;
        run.openMs = performance.now() - sent;
        clearTimeout(stuck);
        killer = setTimeout(kill, killAfterMs);
      };
      child.stdin.write(`${JSON.stringify(task)}\n`);
      try {
        return await ended;
      } finally {
        clearTimeout(stuck);
        clearTimeout(killer);
      }
    },
    dismiss: kill,
  };
}

async function startLane(root: string, index: number, generation: number, seed: number) {
  const dir = join(root, `lane-${index}-${generation}`);
  await mkdir(dir, { recursive: true });
  const streamSeed = (seed + index * 7_919 + generation * 104_729) >>> 0;
  const lane: Lane = {
    index,
    dir,
    dataDir: join(dir, 'data'),
    ackLog: join(dir, 'ack.log'),
    streamSeed,
    stream: mutationStream(streamSeed),
    issued: 0,
    generation,
    strayTempFiles: new Set(),
  };
  return lane;
}

/** Checks the ack log and the library after a kill, adds to `result`; returns what is wrong. */
async function checkAfterKill(
  lane: Lane,
  child: ChildRun,
  where: string,
  result: CrashLoopResult,
): Promise<string[]> {
  const acks = readAckLog(lane.ackLog);
  const acked = acks.at(-1) ?? 0;
  const failures: string[] = [];
  if (acks.some((seq, i) => seq !== i + 1)) {
    failures.push(`${where}: the ack log is not 1, 2, 3, …: ${acks.slice(-10).join(' ')}`);
  }
  if (lane.issued > acked + 1) {
    failures.push(
      `${where}: seq ${lane.issued} was issued before seq ${acked + 1} was acknowledged`,
    );
  }
  // Only one mutation is ever in flight: the one after the last acknowledged, if issued.
  const inFlight = lane.issued > acked;
  if (child.killed && child.issued > acked) result.inFlightKills++;
  lane.stream.advanceTo(acked);
  const check = await verifyCrashState(lane.dataDir, lane.stream, inFlight);
  result.lostAcknowledged += check.lost;
  result.unreadable += check.unreadable;
  if (check.landedInFlight) result.landedInFlight++;
  if (check.waitedForLock) result.staleLockWaits++;
  for (const path of check.strayTempFiles) lane.strayTempFiles.add(path);
  result.cutOffSaves += check.cutOffSaves;
  failures.push(...check.failures.map((f) => `${where}: ${f}`));
  return failures;
}

/**
 * The kill -9 crash loop: for each iteration, start a child that applies the mutation
 * stream to the real library, SIGKILL it at a random moment within `killWindowMs` of its
 * `ready`, then open the library here and check that it loads without a notice, that every
 * acknowledged mutation is there exactly, and that nothing appears that was never issued.
 * Lanes run side by side in their own data folders; a lane whose check fails starts afresh
 * in a new folder, so one failure is counted once rather than in every later iteration.
 * The work folder is kept (`keptDir`, and named in the failures) when something failed.
 */
export async function runCrashLoop({
  iterations,
  seed = DEFAULT_SEED,
  lanes = 3,
  killWindowMs = 2_000,
  log = () => undefined,
}: CrashLoopOptions): Promise<CrashLoopResult> {
  const began = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'margin-crash-loop-'));
  const result: CrashLoopResult = {
    killRuns: 0,
    lostAcknowledged: 0,
    unreadable: 0,
    failures: [],
    acknowledged: 0,
    inFlightKills: 0,
    landedInFlight: 0,
    staleLockWaits: 0,
    strayTempFiles: 0,
    cutOffSaves: 0,
    meanOpenMs: 0,
    meanCheckMs: 0,
    elapsedMs: 0,
    keptDir: root,
  };
  const openTimes: number[] = [];
  const checkTimes: number[] = [];
  const tally = (lane: Lane) => {
    result.acknowledged += lane.stream.seq;
    result.strayTempFiles += lane.strayTempFiles.size;
  };
  let done = 0;
  try {
    const bundle = await bundleChild(root);
    const laneCount = Math.max(1, Math.min(lanes, iterations));
    const runLane = async (index: number) => {
      const random = seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0);
      let lane = await startLane(root, index, 0, seed);
      let warm: WarmChild | null = startChild(bundle);
      try {
        for (let iteration = index; iteration < iterations; iteration += laneCount) {
          const where = `seed ${seed}, iteration ${iteration} (lane ${index}, stream seed ${lane.streamSeed}, ${lane.dir})`;
          const killAfterMs = random() * killWindowMs;
          const runSeed = Math.floor(random() * 2 ** 32);
          const current: WarmChild = warm!;
          const running = current.run(
            { dataDir: lane.dataDir, ackLog: lane.ackLog, streamSeed: lane.streamSeed, runSeed },
            killAfterMs,
          );
          warm = iteration + laneCount < iterations ? startChild(bundle) : null;
          const child = await running;
          const failures: string[] = [];
          if (child.killed && child.openMs !== null) result.killRuns++;
          else if (!child.killed) {
            failures.push(
              `${where}: the child exited by itself (code ${child.exitCode}) instead of being killed: ${child.stderr.trim()}`,
            );
          }
          if (child.openMs !== null) openTimes.push(child.openMs);
          else
            failures.push(`${where}: the child never opened the library: ${child.stderr.trim()}`);
          lane.issued = Math.max(lane.issued, child.issued);
          const checkStarted = performance.now();
          failures.push(...(await checkAfterKill(lane, child, where, result)));
          checkTimes.push(performance.now() - checkStarted);
          result.failures.push(...failures);
          done++;
          if (done % 25 === 0 || failures.length > 0) {
            log(
              `crash loop: ${done}/${iterations} runs, lane ${index} at seq ${lane.stream.seq}` +
                (failures.length > 0 ? `; FAILED: ${failures.join(' | ')}` : ''),
            );
          }
          if (failures.length > 0) {
            tally(lane);
            lane = await startLane(root, index, lane.generation + 1, seed);
          }
        }
        tally(lane);
      } finally {
        warm?.dismiss();
      }
    };

    // Every lane ends before the work folder goes, even when one of them threw.
    const ended = await Promise.allSettled(Array.from({ length: laneCount }, (_, i) => runLane(i)));
    const thrown = ended.find((lane) => lane.status === 'rejected');
    if (thrown) throw thrown.reason;
  } finally {
    if (result.failures.length === 0) {
      await rm(root, { recursive: true, force: true });
      result.keptDir = null;
    }
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  result.meanOpenMs = mean(openTimes);
  result.meanCheckMs = mean(checkTimes);
  result.elapsedMs = performance.now() - began;
  return result;
}
