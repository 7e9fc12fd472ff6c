import type { WorkbenchError } from './error-codes';

/** What every channel returns: a value, or an error written for the analyst. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WorkbenchError };

export function success<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function failure(code: WorkbenchError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
