import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * A folder in the data folder that only a restore uses and nothing needs after it: a
 * backup being unpacked, or the replaced library once the new one is in place. Opening
 * the library removes what a crash left of them.
 */
export const RESTORE_PREFIX = '.restore-';

/**
 * The library a restore is replacing, moved aside while the new one is moved in. Found at
 * open, it means the swap was interrupted: it may hold the only copy of part of the old
 * library, so it is never removed automatically.
 */
export const REPLACED_PREFIX = '.replaced-';

/** What makes up a library in its data folder; the rest (lock, set-aside files, backups) stays. */
export const REPLACED = ['library.json', 'articles', 'memos', 'cache'] as const;

/** A fresh name for a restore's working folder, inside the data folder (renames stay on one disk). */
export function restoreFolderIn(dataDir: string): string {
  return join(dataDir, `${RESTORE_PREFIX}${randomBytes(6).toString('hex')}`);
}
