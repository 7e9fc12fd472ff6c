import { z } from 'zod';

/** What went wrong, as data: Electron forwards only `Error.message`, so errors travel in the envelope. */
export const ErrorCode = z.enum([
  /** The payload did not match the channel's input schema. */
  'INVALID_INPUT',
  /** The sender is not the app's own main frame. */
  'FORBIDDEN',
  /** The requested item does not exist. */
  'NOT_FOUND',
  /** The item already exists or changed meanwhile (restoring a highlight that is back). */
  'CONFLICT',
  /** The pasted or imported text has nothing to read. */
  'EMPTY_TEXT',
  /** A store file could not be read and was set aside. */
  'STORE_CORRUPT',
  /** The library is open read-only (written by a newer Margin, or in use elsewhere). */
  'STORE_READ_ONLY',
  /** Writing to disk failed (disk full, permissions, …); nothing was changed. */
  'STORE_WRITE_FAILED',
  /** Saving an export where the analyst chose failed (read-only, full, no such folder, …); nothing was written. */
  'EXPORT_WRITE_FAILED',
  /** The file's type is not one Margin imports, or its content is not what its name says. */
  'UNSUPPORTED_FORMAT',
  /** The file, text or PDF is over one of Margin's import limits. */
  'TOO_LARGE',
  /** The file is damaged or not what it claims to be (broken PDF, zip bomb, …). */
  'DAMAGED_FILE',
  /** The file opened but holds no article text (a scan, a page without an article). */
  'NO_TEXT',
  /** The PDF is encrypted: ask the analyst for its password. */
  'PASSWORD_REQUIRED',
  /** The password given for an encrypted PDF is wrong. */
  'PASSWORD_INCORRECT',
  /** Fetching a URL failed (refused scheme, HTTP error, timeout, too large). */
  'FETCH_FAILED',
  /** The import was cancelled by the analyst. */
  'CANCELLED',
  /** The operating system could not show a folder (no file manager, no access). */
  'OPEN_FAILED',
  /** A bug in Margin; details are in the log file. */
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WorkbenchError = z.object({ code: ErrorCode, message: z.string() });
export type WorkbenchError = z.infer<typeof WorkbenchError>;
