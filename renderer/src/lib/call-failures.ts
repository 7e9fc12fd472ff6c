import type { WorkbenchCallError } from './workbench-client';

type Listener = (error: WorkbenchCallError) => void;
const listeners = new Set<Listener>();

/** Every call to main that failed, for stores that react to a kind of failure. */
export const callFailures = {
  report(error: WorkbenchCallError): void {
    for (const listener of listeners) listener(error);
  },
  /** Returns the unsubscribe. */
  listen(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
