/**
 * What `promise` rejected with, checked to be an instance of `type`; fails the test when it
 * resolved or rejected with anything else.
 */
export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof type)) {
    throw new Error(`expected a rejection with ${type.name}, got ${String(error)}`);
  }
  return error;
}
