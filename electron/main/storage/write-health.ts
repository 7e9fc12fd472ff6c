import { rm } from 'node:fs/promises';
import type { WriteFailure } from '../../../shared/domain/durability';
import { describeWriteCause } from './describe-write-failure';
import { tempPathFor, writeFileDurably } from './durable-write';

/** How often main checks whether the data folder can be written again. */
export const WRITE_RETRY_MS = 5_000;

/**
 * Causes a small probe cannot rule out: a 40-byte file fits where a large memo does not.
 * Only a real save that succeeds clears them.
 */
const SIZE_CAUSES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

export interface WriteHealth {
  /** Saving failed: `what` could not be saved, `error` is the file system's error. */
  failed(what: string, error: unknown): void;
  /** A store file was saved: saving works (again). */
  succeeded(): void;
  /** Null while saving works. */
  current(): WriteFailure | null;
  /** Checks now (the analyst pressed "Try now"); resolves with the state after the check. */
  check(): Promise<WriteFailure | null>;
  stop(): void;
}

/**
 * Remembers that saving is failing until a save succeeds again. Every few seconds it also
 * probes the data folder with a small durable write, which clears a failure that does not
 * depend on size (no permission, a read-only disk) but not a full disk or a file too large. Nothing is queued here: what the
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
  /** The failure's file-system code: whether a probe can clear it. */
  let failureCode = '';
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const nextCheckAt = () => new Date(now().getTime() + retryMs).toISOString();

  async function probe(): Promise<void> {
    if (stopped) return; // the library is closed: its folder is not ours to write
    const path = tempPathFor(`${dataDir}/write-check`);
    try {
      await writeFileDurably(path, 'Margin checks that it can save here.\n');
      await rm(path, { force: true });
      if (!SIZE_CAUSES.has(failureCode)) failure = null;
      else if (failure) failure = { ...failure, nextCheckAt: nextCheckAt() };
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
      const cause = error instanceof Error && 'cause' in error ? error.cause : error;
      failureCode = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
      failure = {
        what,
        cause: describeWriteCause(error),
        since: failure?.since ?? now().toISOString(),
        nextCheckAt: nextCheckAt(),
      };
      schedule();
    },
    succeeded() {
      failure = null;
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
