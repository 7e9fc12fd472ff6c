import { describe, expect, it } from 'vitest';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { openLibrary } from '../../open-library';
import { applyMutation } from './apply-mutation';
import { mutationStream } from './mutation-stream';
import { runCrashLoop } from './run-crash-loop';
import { verifyCrashState } from './verify-crash-state';

const STREAM_SEED = 7;

/** A library holding the first `count` mutations of the stream, applied in this process. */
async function libraryWithMutations(dataDir: string, count: number): Promise<void> {
  const stream = mutationStream(STREAM_SEED);
  const library = await openLibrary(dataDir, {
    logger: collectingLogger(),
    dailySnapshotDelayMs: Infinity,
  });
  while (stream.seq < count) await applyMutation(library, stream.advance(), false);
  await library.close();
}

describe('kill -9 crash loop', () => {
  it('loses no acknowledged mutation and leaves no unreadable file across 100 kills', async () => {
    const result = await runCrashLoop({ iterations: 100 });
    const { failures, ...counts } = result;
    console.log(`crash loop: ${JSON.stringify(counts)}`);
    expect(failures).toEqual([]);
    expect(result.lostAcknowledged).toBe(0);
    expect(result.unreadable).toBe(0);
    expect(result.killRuns).toBe(100);
    // Not vacuous: the lanes moved on between kills, and kills landed mid-mutation.
    expect(result.acknowledged).toBeGreaterThan(200);
    expect(result.inFlightKills).toBeGreaterThan(10);
  }, 240_000);

  describe('its check', () => {
    it('counts an acknowledged mutation that is not on disk as lost', async () => {
      const { dir, cleanup } = await createTempDataDir();
      try {
        await libraryWithMutations(dir, 10);
        const acknowledged = mutationStream(STREAM_SEED);
        acknowledged.advanceTo(13); // three more acknowledged than were ever written
        const check = await verifyCrashState(dir, acknowledged, false);
        expect(check.lost).toBeGreaterThan(0);
        expect(check.failures.join('\n')).toMatch(/lost acknowledged seq 1[123]/);
        expect(check.unreadable).toBe(0);
      } finally {
        await cleanup();
      }
    });

    it('flags what was never issued, and allows only the one mutation in flight', async () => {
      const { dir, cleanup } = await createTempDataDir();
      try {
        await libraryWithMutations(dir, 10);
        const eight = mutationStream(STREAM_SEED);
        eight.advanceTo(8);
        const check = await verifyCrashState(dir, eight, true);
        expect(check.failures.join('\n')).toMatch(/holds seq-10, which was never issued/);

        const nine = mutationStream(STREAM_SEED);
        nine.advanceTo(9);
        expect(await verifyCrashState(dir, nine, true)).toMatchObject({
          failures: [],
          landedInFlight: true,
        });
      } finally {
        await cleanup();
      }
    });
  });
});
