import { AppError } from '../errors/app-error';
import { WriteFailedError } from '../errors/write-failed-error';

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EFBIG: 'the file would be larger than this system allows',
  EACCES: 'Margin is not allowed to write to its data folder',
  EPERM: 'Margin is not allowed to write to its data folder',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported a read/write error',
};

/** Why a write failed, in plain words, from the file system's error (or its cause). */
export function describeWriteCause(error: unknown): string {
  const cause = error instanceof AppError ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? '';
  return CAUSES[code] ?? `the disk reported an error${code ? ` (${code})` : ''}`;
}

/**
 * Turns a failed write into a message for the analyst: what could not be saved, why in
 * plain words, and that nothing was changed (every write is all-or-nothing).
 */
export function describeWriteFailure(what: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new WriteFailedError(
    what,
    `Couldn't save ${what}: ${describeWriteCause(error)}. Nothing was changed; fix the cause and try again.`,
    error,
  );
}
