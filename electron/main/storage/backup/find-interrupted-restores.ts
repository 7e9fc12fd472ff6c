import { readdir } from 'node:fs/promises';
import { REPLACED_PREFIX } from './restore-folders';

/**
 * The `.replaced-…` folders in the data folder: each is a restore cut off while it swapped
 * the libraries (a crash or power cut), holding what it had moved of the old library.
 * They are kept for recovery by hand; this lets the app tell the analyst where they are.
 */
export async function findInterruptedRestores(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(REPLACED_PREFIX))
    .map((entry) => entry.name)
    .sort();
}
