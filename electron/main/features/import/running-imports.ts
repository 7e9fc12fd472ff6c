/** Imports in flight by the id the page gave them, so the analyst can cancel one. */
export interface RunningImports {
  /** Runs `work` with a signal that `cancel(requestId)` aborts. */
  run<T>(requestId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  cancel(requestId: string): boolean;
}

export function createRunningImports(): RunningImports {
  const running = new Map<string, AbortController>();
  return {
    async run(requestId, work) {
      const controller = new AbortController();
      running.set(requestId, controller);
      try {
        return await work(controller.signal);
      } finally {
        if (running.get(requestId) === controller) running.delete(requestId);
      }
    },
    cancel(requestId) {
      const controller = running.get(requestId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
