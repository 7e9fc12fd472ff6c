import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROLLING_FOLDER } from './generation-path';

async function foldersIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(dir, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Every folder holding rolling copies: the index's, and one per memo and per article. */
export async function rollingCopyFolders(dataDir: string): Promise<string[]> {
  const root = join(dataDir, ...ROLLING_FOLDER);
  return [
    join(root, 'library'),
    ...(await foldersIn(join(root, 'memos'))),
    ...(await foldersIn(join(root, 'annotations'))),
  ];
}
