/** Nearest-rank percentile of `samples` (0 < p ≤ 100). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Runs `task` `times` times in sequence and returns each duration in milliseconds. */
export async function timeEach(
  times: number,
  task: (i: number) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await task(i);
    durations.push(performance.now() - start);
  }
  return durations;
}

/** The median time in milliseconds of a synchronous `task`, after `warmUps` untimed runs. */
export function timeSyncMedian(warmUps: number, runs: number, task: () => unknown): number {
  for (let i = 0; i < warmUps; i++) task();
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    durations.push(performance.now() - start);
  }
  return median(durations);
}
