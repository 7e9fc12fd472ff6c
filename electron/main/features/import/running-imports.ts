/** Imports in flight by the id the page gave them, so the analyst can cancel one. */
export interface RunningImports {
  /** Runs `work` with a signal that `cancel(requestId)` aborts. */
  run<T>(requestId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  cancel(requestId: string): boolean;
}

/** Cancelled ids remembered, for a cancel that arrives before its request. */
const REMEMBERED_CANCELS = 1_000;

export function createRunningImports(): RunningImports {
  const running = new Map<string, AbortController>();
  const cancelledEarly = new Set<string>();
  return {
    async run(requestId, work) {
      const controller = new AbortController();
      if (cancelledEarly.delete(requestId)) controller.abort();
      running.set(requestId, controller);
      try {
        return await work(controller.signal);
      } finally {
        if (running.get(requestId) === controller) running.delete(requestId);
      }
    },
    cancel(requestId) {
      const controller = running.get(requestId);
      if (controller) {
        controller.abort();
        return true;
      }
      // The page cancelled before its request arrived (it was still reading the file).
      cancelledEarly.add(requestId);
      if (cancelledEarly.size > REMEMBERED_CANCELS) {
        cancelledEarly.delete(cancelledEarly.values().next().value!);
      }
      return false;
    },
  };
}
