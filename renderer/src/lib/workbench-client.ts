import type { WorkbenchApi } from '../../../shared/ipc/create-workbench-api';
import type { Envelope } from '../../../shared/ipc/envelope';
import type { ErrorCode } from '../../../shared/ipc/error-codes';

declare global {
  interface Window {
    /** Exposed by the preload (or, in end-to-end tests, by the test bridge). */
    readonly workbench?: WorkbenchApi;
  }
}

/** A failed call: `message` is written for the analyst and can be shown as is. */
export class WorkbenchCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbenchCallError';
  }
}

type Unwrapped<Api> = {
  readonly [D in keyof Api]: {
    readonly [M in keyof Api[D]]: Api[D][M] extends (...args: infer P) => Promise<Envelope<infer R>>
      ? (...args: P) => Promise<R>
      : never;
  };
};

/** `window.workbench` with envelopes unwrapped: methods resolve to the value or throw WorkbenchCallError. */
export type WorkbenchClient = Unwrapped<WorkbenchApi>;

/**
 * `onError` hears every call that failed with an error from main (before the caller
 * does): the library store re-reads the status at once when a write failed.
 */
export function createWorkbenchClient(
  api: WorkbenchApi,
  onError?: (error: WorkbenchCallError) => void,
): WorkbenchClient {
  const client: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const [domain, methods] of Object.entries(api)) {
    client[domain] = {};
    for (const [verb, method] of Object.entries(
      methods as Record<string, (...args: unknown[]) => Promise<Envelope<unknown>>>,
    )) {
      client[domain][verb] = async (...args) => {
        const envelope = await method(...args);
        if (envelope.ok) return envelope.value;
        const error = new WorkbenchCallError(envelope.error.code, envelope.error.message);
        onError?.(error);
        throw error;
      };
    }
  }
  return client as WorkbenchClient;
}

/** The message to show for any error caught in the UI. */
export function errorMessage(error: unknown): string {
  if (error instanceof WorkbenchCallError) return error.message;
  return 'Margin could not reach its background process. Restart Margin; your library is safe on disk.';
}
