import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hardenRename, STORE_FILE_MODE, tempPathFor } from '../durable-write';

/**
 * `writeFileDurably` for a file written piece by piece: `write` fills a new temp file
 * beside `path` (sequentially, from its start), which is then fsynced and renamed over
 * `path`. When anything fails (`write` itself, a full disk, the rename) the temp file is
 * removed, `path` is left as it was, and the error is rethrown.
 */
export async function writeDurablyWith<T>(
  path: string,
  write: (handle: FileHandle) => Promise<T>,
): Promise<T> {
  const temp = tempPathFor(path);
  let result: T;
  try {
    const handle = await open(temp, 'wx', STORE_FILE_MODE);
    try {
      result = await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await hardenRename(dirname(path));
  return result;
}
