/**
 * Runs `task` on every item, at most `limit` at a time, starting the next as soon as one
 * finishes (batches would wait for their slowest each time). After a failure no new task
 * starts, and the first error is thrown once every task under way has settled, so that
 * nothing is still writing when the caller cleans up.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
