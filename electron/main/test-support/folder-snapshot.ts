import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Rolling copies are written in the background after each successful save (see
 * generation-store.ts): they are the library's own backups, not its content, and one may
 * still be landing when a test takes its snapshot.
 */
const ROLLING_COPIES = join('backups', 'rolling') + sep;

/**
 * Every file below `dir` with its exact bytes (as base64), keyed by relative path, except
 * the rolling copies. Two equal snapshots mean the folder is byte-identical: nothing
 * written, renamed or removed.
 */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const key = relative(dir, path);
    if (key.startsWith(ROLLING_COPIES)) continue;
    snapshot[key] = (await readFile(path)).toString('base64');
  }
  return snapshot;
}
