import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../logging/logger';
import { ImportError } from '../import-error';
import type { ParsedDocument } from '../parsed-document';
import type { ParseRequest } from '../parse-request';
import { AppError } from '../../../errors/app-error';
import type { ParseJob, ParseResult, WarmUp, WorkerReady } from './worker-messages';

export interface ParserPool {
  /** Parses in a worker thread. Aborting the signal stops the work (the thread is replaced). */
  parse(request: ParseRequest, signal?: AbortSignal): Promise<ParsedDocument>;
  /** Starts a worker ahead of the first import (each new worker loads its parsers at once). */
  warm(): void;
  close(): Promise<void>;
}

export interface ParserPoolOptions {
  /** The worker's entry file: the built `import-worker.js`, or a TypeScript loader in tests. */
  workerFile: string | URL;
  size?: number;
  /** Heap limit per worker: a crafted file that blows up in memory kills only its thread. */
  maxHeapMb?: number;
  /** A parse that takes longer is stopped: the file is most likely crafted or damaged. */
  timeoutMs?: number;
  logger: Logger;
}

interface Pending {
  job: ParseJob;
  resolve: (document: ParsedDocument) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  /** This job's own abort listener (several jobs may share one signal). */
  onAbort: () => void;
}

interface Slot {
  worker: Worker;
  running: Pending | null;
  timer: NodeJS.Timeout | null;
  /** The worker's code loaded; a failure before that is Margin's, not the file's. */
  ready: boolean;
}

const cancelled = () => new ImportError('CANCELLED', 'the import was cancelled');

export function createParserPool({
  workerFile,
  size = 2,
  maxHeapMb = 2048,
  timeoutMs = 120_000,
  logger,
}: ParserPoolOptions): ParserPool {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextJobId = 1;
  let closed = false;

  function spawn(): Slot {
    const worker = new Worker(workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    const slot: Slot = { worker, running: null, timer: null, ready: false };
    worker.on('message', (message: ParseResult | WorkerReady) => {
      if ('ready' in message) slot.ready = true;
      else finish(slot, message);
    });
    worker.on('error', (error) => {
      logger.error('The import worker failed', error);
      fail(slot, crashError(slot, error));
    });
    worker.on('exit', () => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (slot.running) fail(slot, crashError(slot, null));
      pump();
    });
    worker.postMessage({ warmUp: true } satisfies WarmUp);
    worker.unref();
    slots.push(slot);
    return slot;
  }

  function settle(slot: Slot): Pending | null {
    const pending = slot.running;
    slot.running = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    pending?.signal?.removeEventListener('abort', pending.onAbort);
    return pending;
  }

  function finish(slot: Slot, result: ParseResult): void {
    const pending = slot.running;
    if (!pending || pending.job.jobId !== result.jobId) return;
    settle(slot);
    if (result.ok) pending.resolve(result.document);
    else {
      if (result.internal) logger.error('Import parser error', result.internal);
      pending.reject(new ImportError(result.code, result.reason));
    }
    slot.worker.unref();
    pump();
  }

  /** Rejects the slot's job and retires its thread; a fresh one is spawned when needed. */
  function fail(slot: Slot, error: Error): void {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    settle(slot)?.reject(error);
    void slot.worker.terminate();
    pump();
  }

  function cancel(pending: Pending): void {
    const queued = queue.indexOf(pending);
    if (queued >= 0) {
      queue.splice(queued, 1);
      pending.reject(cancelled());
      return;
    }
    const slot = slots.find((s) => s.running === pending);
    if (slot) fail(slot, cancelled());
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => !s.running) ?? (slots.length < size ? spawn() : null);
      if (!slot) return;
      const pending = queue.shift()!;
      slot.running = pending;
      slot.worker.ref();
      slot.timer = setTimeout(
        () =>
          fail(
            slot,
            new ImportError(
              'DAMAGED_FILE',
              `reading the file took longer than ${Math.max(1, Math.round(timeoutMs / 1000))} s; it may be damaged`,
            ),
          ),
        timeoutMs,
      );
      slot.worker.postMessage(pending.job, transferables(pending.job.request));
    }
  }

  return {
    parse(request, signal) {
      if (closed) return Promise.reject(new Error('The parser pool is closed'));
      if (signal?.aborted) return Promise.reject(cancelled());
      return new Promise<ParsedDocument>((resolve, reject) => {
        const job: ParseJob = { jobId: nextJobId++, request: ownedCopy(request) };
        const pending: Pending = { job, resolve, reject, signal, onAbort: () => cancel(pending) };
        signal?.addEventListener('abort', pending.onAbort, { once: true });
        queue.push(pending);
        pump();
      });
    },
    warm() {
      if (!closed && slots.length === 0) spawn();
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(cancelled());
      await Promise.all(
        [...slots].map((slot) => {
          settle(slot)?.reject(cancelled());
          return slot.worker.terminate();
        }),
      );
    },
  };
}

/** A private copy of the bytes, so they can be moved to the worker without a second copy. */
function ownedCopy(request: ParseRequest): ParseRequest {
  return request.kind === 'bytes' ? { ...request, bytes: new Uint8Array(request.bytes) } : request;
}

function transferables(request: ParseRequest): ArrayBuffer[] {
  return request.kind === 'bytes' ? [request.bytes.buffer as ArrayBuffer] : [];
}

function crashError(slot: Slot, error: unknown): Error {
  if (!slot.ready) {
    return new AppError(
      'INTERNAL',
      "Margin's file reader could not start, so nothing was imported. Restart Margin; details are in the log file.",
    );
  }
  return new ImportError('DAMAGED_FILE', readerCrashReason(error));
}

function readerCrashReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? 'reading the file needed more memory than Margin allows; the file may be damaged or crafted'
    : 'the reader stopped while reading the file; it may be damaged';
}
