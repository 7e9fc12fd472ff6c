import { z } from 'zod';

/** What went wrong, as data: Electron forwards only `Error.message`, so errors travel in the envelope. */
export const ErrorCode = z.enum([
  /** The payload did not match the channel's input schema. */
  'INVALID_INPUT',
  /** The sender is not the app's own main frame. */
  'FORBIDDEN',
  /** The requested item does not exist. */
  'NOT_FOUND',
  /** The pasted or imported text has nothing to read. */
  'EMPTY_TEXT',
  /** A store file could not be read and was set aside. */
  'STORE_CORRUPT',
  /** The library is open read-only (written by a newer Margin, or in use elsewhere). */
  'STORE_READ_ONLY',
  /** Writing to disk failed (disk full, permissions, …); nothing was changed. */
  'STORE_WRITE_FAILED',
  /** A bug in Margin; details are in the log file. */
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WorkbenchError = z.object({ code: ErrorCode, message: z.string() });
export type WorkbenchError = z.infer<typeof WorkbenchError>;
