/** What main queues for the page; files are paths here, tokens once handed over. */
export type PendingAppEvent =
  { kind: 'openFiles'; paths: string[] } | { kind: 'showAbout' } | { kind: 'reportProblem' };

/** The events after the page's cursor, and the cursor to ask with next time. */
export interface AppEventBatch {
  events: PendingAppEvent[];
  through: number;
}

/**
 * Events from the OS and the menu, waiting for the page. The page asks for the events after
 * the last one it handled (`after`); the call stays open until there is one (a long poll:
 * IPC here is request/response only, and the preload exposes no listener).
 *
 * An event is forgotten only when the page asks again with a cursor past it, so an answer
 * that went to a page which then reloaded (a restore reloads it) is not lost: the new page
 * starts at 0 and gets every event not yet acknowledged. One page reads the queue: a newer
 * call releases the older one with nothing.
 */
export class AppEventQueue {
  private unacknowledged: Array<{ seq: number; event: PendingAppEvent }> = [];
  private lastSeq = 0;
  private waiter: { after: number; resolve: (batch: AppEventBatch) => void } | null = null;

  push(event: PendingAppEvent): void {
    if (event.kind === 'openFiles' && event.paths.length === 0) return;
    this.unacknowledged.push({ seq: ++this.lastSeq, event });
    this.deliver();
  }

  /** The events after `after`, now or as soon as there is one. */
  next(after: number): Promise<AppEventBatch> {
    // A cursor from before a restart of main (larger than any number given out) reads all.
    const cursor = after > this.lastSeq ? 0 : after;
    this.unacknowledged = this.unacknowledged.filter(({ seq }) => seq > cursor);
    this.waiter?.resolve({ events: [], through: this.waiter.after });
    const batch = new Promise<AppEventBatch>(
      (resolve) => (this.waiter = { after: cursor, resolve }),
    );
    this.deliver();
    return batch;
  }

  private deliver(): void {
    if (!this.waiter) return;
    const { after, resolve } = this.waiter;
    const due = this.unacknowledged.filter(({ seq }) => seq > after);
    if (due.length === 0) return;
    this.waiter = null;
    resolve({ events: due.map(({ event }) => event), through: due.at(-1)!.seq });
  }
}
