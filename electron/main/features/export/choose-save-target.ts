import { realpath, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Dialogs, SaveFileRequest } from '../dialogs';
import { describeExportFailure, NOT_A_FILE } from './describe-export-failure';

/** Where to write, once the analyst chose the place and agreed to replace what is there. */
export interface SaveTarget {
  /** The path the analyst chose. */
  path: string;
  /** Where to write: through a symlink, the file it points to (the link stays a link). */
  writePath: string;
  /** The permissions of the file being replaced (a private file stays private); null for a new file. */
  replacedMode: number | null;
}

/** The file already at `path` (symlinks followed), or null when there is none. */
async function existingFile(path: string): Promise<{ realPath: string; mode: number } | null> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    if (!stats.isFile()) throw Object.assign(new Error('not a file'), { code: NOT_A_FILE });
    return { realPath: await realpath(path), mode: stats.mode & 0o777 };
  } catch (error) {
    // No such file (or no such folder: the write says which, with the right message).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Asks where to save, and before replacing a file (unless the dialog already asked).
 * Null when the analyst cancelled either question; an AppError naming the folder when the
 * chosen name is taken by a folder or something else that is not a file.
 */
export async function chooseSaveTarget(
  dialogs: Dialogs,
  request: SaveFileRequest,
  what: string,
): Promise<SaveTarget | null> {
  const target = await dialogs.chooseSaveFile(request);
  if (target === null) return null;
  const { path } = target;
  if (!isAbsolute(path)) throw new Error(`the save dialog returned a relative path: ${path}`);
  let existing: Awaited<ReturnType<typeof existingFile>>;
  try {
    existing = await existingFile(path);
  } catch (error) {
    throw describeExportFailure(what, path, error, false);
  }
  if (existing && !target.replaceConfirmed && !(await dialogs.confirmReplace(path))) return null;
  return { path, writePath: existing?.realPath ?? path, replacedMode: existing?.mode ?? null };
}
