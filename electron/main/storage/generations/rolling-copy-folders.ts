import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { namesInFolder } from '../names-in-folder';
import { ROLLING_FOLDER } from './generation-path';

/** The folders in `dir`: one per memo or article (the copies inside are files). */
async function foldersIn(dir: string): Promise<string[]> {
  const names = await namesInFolder(dir);
  const folders = await Promise.all(
    names.map(async (name) =>
      (await stat(join(dir, name)).catch(() => null))?.isDirectory() ? name : null,
    ),
  );
  return folders.filter((name) => name !== null).map((name) => join(dir, name));
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
