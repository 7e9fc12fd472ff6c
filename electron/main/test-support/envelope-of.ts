import type { Envelope } from '../../../shared/ipc/envelope';
import type { WorkbenchError } from '../../../shared/ipc/error-codes';

/** The value of a successful call; fails the test with the error when it was refused. */
export function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** The error of a refused call; fails the test when the call succeeded. */
export function errorOf(envelope: Envelope<unknown>): WorkbenchError {
  if (envelope.ok) throw new Error(`expected a refusal, got ${JSON.stringify(envelope.value)}`);
  return envelope.error;
}
