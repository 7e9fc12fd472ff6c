/**
 * Runs async tasks one after another, in call order. A read-modify-write of a store file
 * must not interleave with another, or the second would write over the first.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
