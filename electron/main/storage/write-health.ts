import { rm } from 'node:fs/promises';
import type { WriteFailure } from '../../../shared/domain/durability';
import { describeWriteCause } from './describe-write-failure';
import { tempPathFor, writeFileDurably } from './durable-write';

/** How often main checks whether the data folder can be written again. */
export const WRITE_RETRY_MS = 5_000;

export interface WriteHealth {
  /** Saving failed: `what` could not be saved, `error` is the file system's error. */
  failed(what: string, error: unknown): void;
  /** Null while saving works. */
  current(): WriteFailure | null;
  /** Checks now (the analyst pressed "Try now"); resolves with the state after the check. */
  check(): Promise<WriteFailure | null>;
  stop(): void;
}

/**
 * Remembers that saving is failing, and checks every few seconds, with a small durable
 * write into the data folder, whether it works again. Nothing is queued here: what the
 * analyst has not saved stays in the page (which retries), and what is saved stays as it
 * was, because every write is all-or-nothing.
 */
export function createWriteHealth({
  dataDir,
  now = () => new Date(),
  retryMs = WRITE_RETRY_MS,
}: {
  dataDir: string;
  now?: () => Date;
  retryMs?: number;
}): WriteHealth {
  let failure: WriteFailure | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const nextCheckAt = () => new Date(now().getTime() + retryMs).toISOString();

  async function probe(): Promise<void> {
    const path = tempPathFor(`${dataDir}/write-check`);
    try {
      await writeFileDurably(path, 'Margin checks that it can save here.\n');
      await rm(path, { force: true });
      failure = null;
    } catch {
      if (failure) failure = { ...failure, nextCheckAt: nextCheckAt() };
    }
  }

  function schedule(): void {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void probe().then(() => {
        if (failure) schedule();
      });
    }, retryMs);
    timer.unref();
  }

  return {
    failed(what, error) {
      failure = {
        what,
        cause: describeWriteCause(error),
        since: failure?.since ?? now().toISOString(),
        nextCheckAt: nextCheckAt(),
      };
      schedule();
    },
    current: () => failure,
    async check() {
      if (failure) await probe();
      return failure;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
