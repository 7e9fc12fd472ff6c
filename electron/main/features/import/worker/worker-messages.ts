import type { ErrorCode } from '../../../../../shared/ipc/error-codes';
import type { ParsedDocument } from '../parsed-document';
import type { ParseRequest } from '../parse-request';

export interface ParseJob {
  jobId: number;
  request: ParseRequest;
}

/** Sent to a new worker: load the heavy parsers now, so the first import does not wait. */
export interface WarmUp {
  warmUp: true;
}

/** The worker's answer. Errors travel as data: class identity does not cross threads. */
export type ParseResult =
  | { jobId: number; ok: true; document: ParsedDocument }
  | { jobId: number; ok: false; code: ErrorCode; reason: string; internal?: string };

/** The worker's first message: its code loaded, so later failures are about a file. */
export interface WorkerReady {
  ready: true;
}
