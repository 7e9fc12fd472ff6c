import { basename, dirname } from 'node:path';
import { AppError } from '../../errors/app-error';

/** Not an errno: something other than a file (a device, a socket) has the chosen name. */
export const NOT_A_FILE = 'NOT_A_FILE';

/** Why, in plain words, and what the analyst can do about it. */
const CAUSES: Record<string, [cause: string, advice: string]> = {
  EROFS: ['the disk is read-only', 'Choose a folder on another disk.'],
  EACCES: [
    'Margin is not allowed to write there',
    'Choose another folder, or check its permissions.',
  ],
  EPERM: [
    'Margin is not allowed to write there',
    'Choose another folder, or check its permissions.',
  ],
  ENOSPC: ['the disk is full', 'Free some space, or choose another disk.'],
  EDQUOT: ['your disk quota is used up', 'Free some space, or choose another disk.'],
  EFBIG: ['the file is larger than that disk allows', 'Choose a folder on another disk.'],
  ENOENT: ['the folder does not exist (any more)', 'Choose another folder.'],
  ENOTDIR: ['part of that path is a file, not a folder', 'Choose another folder.'],
  ENAMETOOLONG: ['the name is too long for that disk', 'Choose a shorter name.'],
  EISDIR: ['a folder of that name is already there', 'Choose another name.'],
  [NOT_A_FILE]: ['something that is not a file has that name', 'Choose another name.'],
  EBUSY: ['the file is open in another program', 'Close it there, or choose another name.'],
  EIO: ['the disk reported a read/write error', 'Check the disk, or choose another one.'],
};

/**
 * Turns a failed export into a message for the analyst: what could not be saved, in which
 * folder (one they chose), why, and that nothing was written: the write is all or nothing,
 * so a file being replaced keeps its old contents.
 */
export function describeExportFailure(
  what: string,
  path: string,
  error: unknown,
  replacing: boolean,
): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const [cause, advice] = CAUSES[code] ?? [
    `the disk reported an error${code ? ` (${code})` : ''}`,
    'Try again, or choose another folder.',
  ];
  const kept = replacing ? ` and “${basename(path)}” is unchanged` : '';
  return new AppError(
    'EXPORT_WRITE_FAILED',
    `Couldn't save ${what} in “${dirname(path)}”: ${cause}. Nothing was written${kept}. ${advice}`,
    { cause: error },
  );
}
