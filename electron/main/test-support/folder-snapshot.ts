import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Every file below `dir` with its exact bytes (as base64), keyed by relative path. Two
 * equal snapshots mean the folder is byte-identical: nothing written, renamed or removed.
 */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    snapshot[relative(dir, path)] = (await readFile(path)).toString('base64');
  }
  return snapshot;
}
