import { AppError } from '../errors/app-error';

const CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EACCES: 'Margin is not allowed to write to its data folder',
  EPERM: 'Margin is not allowed to write to its data folder',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported a read/write error',
};

/**
 * Turns a failed write into a message for the analyst: what could not be saved, why in
 * plain words, and that nothing was changed (every write is all-or-nothing).
 */
export function describeWriteFailure(what: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const cause = CAUSES[code] ?? `the disk reported an error${code ? ` (${code})` : ''}`;
  return new AppError(
    'STORE_WRITE_FAILED',
    `Couldn't save ${what}: ${cause}. Nothing was changed; fix the cause and try again.`,
    { cause: error },
  );
}
