import { describe, expect, it } from 'vitest';
import { AppError } from '../../../errors/app-error';
import { classifyRejection } from '../fuzz/classify-outcome';
import { caseSeed, fuzzRandom } from '../fuzz/fuzz-random';
import { loadSeeds } from '../fuzz/fuzz-seeds';
import { FUZZ_TARGET_NAMES, FUZZ_TARGETS } from '../fuzz/importer-fuzz-targets';
import { QUICK_LIMITS } from '../fuzz/mutation-limits';
import type { FuzzReport } from '../fuzz/fuzz-report';
import { runImporterFuzz } from '../fuzz/run-importer-fuzz';
import { ImportError } from '../import-error';

/** Cases per importer here; `npm run test:soak` runs 10,000 each with deeper mutations. */
const CASES_PER_TARGET = 60;
/** Fixed, so that a failure replays exactly (see `replayHint`). */
const SEED = 20_240_315;

function replayHint(report: FuzzReport): string {
  return report.examples
    .map(
      (e) =>
        `${e.target} #${e.index} (seed ${e.seed}, from ${e.seedName}: ${e.mutations.join(' ')})\n` +
        `  ${e.reason}\n  replay: runImporterFuzz({ seed: ${e.seed}, targets: ['${e.target}'], only: [${e.index}], casesPerTarget: 1, limits: QUICK_LIMITS })` +
        (e.stack ? `\n  ${e.stack.split('\n').slice(0, 6).join('\n  ')}` : ''),
    )
    .join('\n');
}

describe('the fuzz harness itself', () => {
  it('counts untyped and INTERNAL errors as failures, typed refusals as fine', () => {
    expect(classifyRejection(new TypeError('x is undefined')).kind).toBe('failure');
    expect(classifyRejection(new AppError('INTERNAL', 'bug')).kind).toBe('failure');
    expect(classifyRejection('a string').kind).toBe('failure');
    expect(classifyRejection(new ImportError('DAMAGED_FILE', 'the file is damaged'))).toMatchObject(
      {
        kind: 'typed-error',
        code: 'DAMAGED_FILE',
        refusal: 'refused',
      },
    );
    expect(
      classifyRejection(
        new ImportError('DAMAGED_FILE', 'Margin could not read it; it may be damaged'),
      ),
    ).toMatchObject({ kind: 'typed-error', refusal: 'safety-net' });
  });

  it('rebuilds any case from its seed and index alone', async () => {
    for (const name of FUZZ_TARGET_NAMES) {
      const target = FUZZ_TARGETS[name];
      const seeds = (
        await Promise.all(target.seedKinds.map((kind) => loadSeeds(kind, { maxBytes: 64 * 1024 })))
      ).flat();
      const make = () => target.makeCase(fuzzRandom(caseSeed(SEED, name, 7)), seeds, QUICK_LIMITS);
      expect(await make(), name).toEqual(await make());
    }
  });
});

/** A parser worker as a data: URL module (Node runs those in worker threads). */
const workerModule = (source: string) =>
  new URL(`data:text/javascript,${encodeURIComponent(source)}`);

describe('the fuzz runner catches a broken pool', () => {
  it('reports every case as a failure when the reader cannot start', async () => {
    const report = await runImporterFuzz({
      casesPerTarget: 3,
      seed: SEED,
      targets: ['plain-text'],
      workerFile: workerModule('throw new Error("the reader is broken");'),
    });
    expect(report.failures).toBe(3);
    expect(report.examples[0]?.reason).toMatch(/INTERNAL/);
  });

  it('stops waiting at the watchdog when the pool never answers', async () => {
    // Answers the runner's warm-up inputs, then goes silent: a hung reader the pool's own
    // (here much longer) timeout has not stopped yet.
    const silentAfterWarmUp = workerModule(`
      import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ ready: true });
      parentPort.on('message', (message) => {
        if (!message.request) return;
        const text = new TextDecoder().decode(message.request.bytes ?? new Uint8Array());
        if (!text.includes('Warm-up')) return;
        parentPort.postMessage({ jobId: message.jobId, ok: true,
          document: { text: 'Warm-up paragraph.', blocks: [], links: [], metadata: {} } });
      });`);
    const report = await runImporterFuzz({
      casesPerTarget: 2,
      seed: SEED,
      targets: ['plain-text'],
      workerFile: silentAfterWarmUp,
      poolTimeoutMs: 60_000,
      watchdogMs: 300,
    });
    expect(report.failures).toBe(2);
    expect(report.examples.map((e) => e.reason)).toEqual([
      expect.stringMatching(/^watchdog/),
      expect.stringMatching(/^watchdog/),
    ]);
  });
});

describe('importer fuzzing through the real parser pool', () => {
  it(
    `${CASES_PER_TARGET} mutated inputs per importer: each a valid document or a typed error`,
    async () => {
      const report = await runImporterFuzz({
        casesPerTarget: CASES_PER_TARGET,
        seed: SEED,
        limits: QUICK_LIMITS,
      });
      expect(report.cases).toBe(CASES_PER_TARGET * FUZZ_TARGET_NAMES.length);
      expect(report.failures, replayHint(report)).toBe(0);
      for (const name of FUZZ_TARGET_NAMES) {
        // Mutations that always break the container would only ever test its first check.
        expect(
          report.byTarget[name]?.ok,
          `${name}: no case got through to a document`,
        ).toBeGreaterThan(0);
      }
    },
    // About 35 s on two cores, a third of it starting the worker threads.
    180_000,
  );
});
