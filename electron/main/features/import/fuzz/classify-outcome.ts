import type { ArticleOrigin } from '../../../../../shared/domain/article';
import { ErrorCode } from '../../../../../shared/ipc/error-codes';
import { AppError } from '../../../errors/app-error';
import { buildArticle } from '../../articles/build-article';
import { describeImportFailure } from '../describe-import-failure';
import { ImportError } from '../import-error';
import type { ParsedDocument } from '../parsed-document';
import type { ParseRequest } from '../parse-request';

/**
 * How a refusal came about. `refused`: the importer said why; `timeout`: the pool stopped
 * a slow parse; `worker-crash`: the thread died (out of memory, …) and the pool said so;
 * `safety-net`: the parser threw something untyped and the worker's catch-all named it
 * "damaged" (the analyst reads a sensible message; the log gets the stack).
 */
export type RefusalKind = 'refused' | 'timeout' | 'worker-crash' | 'safety-net';

export type FuzzOutcome =
  | { kind: 'ok' }
  | { kind: 'typed-error'; code: ErrorCode; refusal: RefusalKind; reason: string }
  | { kind: 'failure'; reason: string; stack?: string | undefined };

// The pool and the worker word these refusals themselves (parser-pool.ts, import-worker.ts).
const TIMEOUT = /^reading the file took longer than/;
const WORKER_CRASH = /^(?:reading the file needed more memory|the reader stopped while reading)/;
const SAFETY_NET = 'Margin could not read it; it may be damaged';

function refusalKind(reason: string): RefusalKind {
  if (TIMEOUT.test(reason)) return 'timeout';
  if (WORKER_CRASH.test(reason)) return 'worker-crash';
  return reason === SAFETY_NET ? 'safety-net' : 'refused';
}

const stackOf = (error: unknown) => (error instanceof Error ? error.stack : undefined);

/**
 * Judges an error the way the app shows it: the import handler names the file
 * (describeImportFailure), then the IPC layer sends an AppError's code and message and
 * turns anything else into INTERNAL ("Margin hit an internal error"). A typed error is an
 * AppError with a known code other than INTERNAL; everything else is a failure.
 */
export function classifyRejection(error: unknown): FuzzOutcome {
  const shown = describeImportFailure("'fuzz case'", error);
  if (!(shown instanceof AppError)) {
    return { kind: 'failure', reason: `untyped error: ${String(error)}`, stack: stackOf(error) };
  }
  if (shown.code === 'INTERNAL' || !ErrorCode.safeParse(shown.code).success) {
    return {
      kind: 'failure',
      reason: `shown as ${shown.code}: ${shown.message}`,
      stack: stackOf(error),
    };
  }
  const reason = error instanceof ImportError ? error.reason : shown.message;
  return { kind: 'typed-error', code: shown.code, refusal: refusalKind(reason), reason };
}

const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

function originOf(request: ParseRequest): ArticleOrigin {
  if (request.kind === 'paste') return { kind: 'paste', format: request.html ? 'html' : 'text' };
  return { kind: 'file', format: request.format, fileName: `fuzz.${request.format}` };
}

/**
 * Checks a parsed document the way main uses it next: plain data (a string text, arrays
 * of blocks and links, string metadata), links only to http(s) or mailto, and an article
 * that `buildArticle` (the same step the import handler takes) accepts or refuses typed.
 * Blocks are ranges of the text and the renderer draws them as text, so markup left in
 * the text (`<script>` typed as prose) is inert and not judged here.
 */
export async function classifyParsed(
  document: ParsedDocument,
  request: ParseRequest,
): Promise<FuzzOutcome> {
  if (
    typeof document?.text !== 'string' ||
    !Array.isArray(document.blocks) ||
    !Array.isArray(document.links)
  ) {
    return { kind: 'failure', reason: 'the parsed document is not text, blocks and links' };
  }
  const badMetadata = Object.entries(document.metadata ?? {}).find(
    ([, value]) => value !== undefined && typeof value !== 'string',
  );
  if (badMetadata) return { kind: 'failure', reason: `metadata.${badMetadata[0]} is not a string` };
  const unsafe = document.links.find((link) => !SAFE_HREF.test(link.href));
  if (unsafe) return { kind: 'failure', reason: `unsafe link kept: ${unsafe.href.slice(0, 100)}` };
  try {
    await buildArticle({ document, origin: originOf(request) }, new Date(0));
    return { kind: 'ok' };
  } catch (error) {
    return classifyRejection(error);
  }
}
