import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { hardenRename } from './durable-write';
import { fileStamp } from './file-stamp';

/**
 * Moves a damaged store file out of the way (`<name>.corrupt-<timestamp>`) so that it is
 * never overwritten and can still be inspected or recovered by hand. Returns the new path.
 */
export async function setAsideFile(path: string, now: Date = new Date()): Promise<string> {
  const target = join(dirname(path), `${basename(path)}.corrupt-${fileStamp(now)}`);
  await rename(path, target);
  await hardenRename(dirname(path));
  return target;
}
