import { access, constants, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../errors/app-error';

/**
 * Checks that the chosen backup is a file Margin may read, so that a file that went away
 * since the dialog, a folder or a file without read permission gets its own reason
 * instead of a disk error (and is never taken for a failed write).
 */
export async function assertReadableBackupFile(path: string): Promise<void> {
  const name = `“${basename(path)}”`;
  try {
    if (!(await stat(path)).isFile()) {
      throw new AppError('UNSUPPORTED_FORMAT', `${name} is a folder, not a Margin backup file.`);
    }
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'NOT_FOUND',
      code === 'ENOENT'
        ? `The backup ${name} is no longer there (moved or deleted). Choose it again.`
        : `Margin cannot read the backup ${name}${code ? ` (${code})` : ''}. Check that you may open it, then choose it again.`,
      { cause: error },
    );
  }
}
