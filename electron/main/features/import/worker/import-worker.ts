// Entry of the parser worker thread: PDF, DOCX and HTML parsing are CPU-heavy and would
// otherwise stall main's IPC; a crafted file that exhausts memory kills only this thread.
import { parentPort } from 'node:worker_threads';
import { ImportError } from '../import-error';
import { loadAllParsers, parseSource } from '../parse-source';
import type { ParseJob, ParseResult, WarmUp, WorkerReady } from './worker-messages';

if (!parentPort) throw new Error('import-worker must run in a worker thread');
const port = parentPort;
port.postMessage({ ready: true } satisfies WorkerReady);

port.on('message', (message: ParseJob | WarmUp) => {
  if ('warmUp' in message) {
    void loadAllParsers().catch(() => undefined); // a real import reports any load failure
    return;
  }
  const job = message;
  void parseSource(job.request).then(
    (document) => port.postMessage({ jobId: job.jobId, ok: true, document } satisfies ParseResult),
    (error: unknown) => {
      const result: ParseResult =
        error instanceof ImportError
          ? { jobId: job.jobId, ok: false, code: error.code, reason: error.reason }
          : {
              jobId: job.jobId,
              ok: false,
              code: 'DAMAGED_FILE',
              reason: 'Margin could not read it; it may be damaged',
              internal: error instanceof Error ? (error.stack ?? error.message) : String(error),
            };
      port.postMessage(result);
    },
  );
});
