import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireDataFolderLock } from '../data-folder-lock';
import { hardenRename } from '../durable-write';
import { libraryLayout } from '../library-layout';
import { REPLACED, REPLACED_PREFIX, restoreFolderIn } from './restore-folders';
import { fileStamp } from '../file-stamp';

export interface ReplaceLibraryContentsOptions {
  now?: () => Date;
}

/** What a staged backup holds; `cache/` is rebuilt when the library opens. */
const STAGED = ['articles', 'memos', 'library.json'];

/** Renames `from` to `to`; false when there is nothing at `from`. */
async function moveIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Replaces the library in `dataDir` with the one unpacked in `stagingDir` (extractBackup),
 * which must be inside `dataDir` so that every step is a rename on one disk. The library
 * must be closed: the data folder's lock is taken for the swap (DataFolderLockedError if
 * it is open anywhere).
 *
 * The current `library.json`, `articles/`, `memos/` and `cache/` move into
 * `.replaced-<time>/`, the staged ones move into place, the folder is fsynced, and only
 * then are the replaced library and the staging folder removed. Nothing is merged:
 * whatever the old library held and the backup does not is gone (the caller keeps a
 * backup of it first); the rest of the data folder (set-aside files, backups) stays. When
 * a step fails, what was moved is moved back and the error rethrown; the staging folder
 * is left for the caller to remove. A crash mid-swap leaves `.replaced-<time>/`, which is
 * kept (see sweep-staging.ts) because it may hold the only copy of part of the old library.
 */
export async function replaceLibraryContents(
  dataDir: string,
  stagingDir: string,
  { now = () => new Date() }: ReplaceLibraryContentsOptions = {},
): Promise<void> {
  const lock = await acquireDataFolderLock(libraryLayout(dataDir).lockFile);
  try {
    const stamp = fileStamp(now());
    const aside = join(dataDir, `${REPLACED_PREFIX}${stamp}-${randomBytes(3).toString('hex')}`);
    await mkdir(aside, { mode: 0o700 });
    const moved: string[] = [];
    const placed: string[] = [];
    try {
      for (const name of REPLACED) {
        if (await moveIfPresent(join(dataDir, name), join(aside, name))) moved.push(name);
      }
      for (const name of STAGED) {
        if (await moveIfPresent(join(stagingDir, name), join(dataDir, name))) placed.push(name);
      }
    } catch (error) {
      let undone = true;
      for (const name of placed.reverse()) {
        await rename(join(dataDir, name), join(stagingDir, name)).catch(() => (undone = false));
      }
      for (const name of moved.reverse()) {
        await rename(join(aside, name), join(dataDir, name)).catch(() => (undone = false));
      }
      await hardenRename(dataDir);
      // Left in place when a move back failed: it then holds part of the old library.
      if (undone) await rm(aside, { recursive: true, force: true });
      throw error;
    }
    await hardenRename(dataDir);
    // The swap is complete: under a `.restore-` name the old library is plain garbage,
    // which the next open sweeps if removing it now fails or is cut off.
    const discard = restoreFolderIn(dataDir);
    const renamed = await moveIfPresent(aside, discard).catch(() => false);
    await rm(renamed ? discard : aside, { recursive: true, force: true }).catch(() => undefined);
    await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
  } finally {
    await lock.release();
  }
}
