import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The limit no store can beat, the peer of every save benchmark: write + fsync + rename +
 * fsync the folder, nothing else.
 */
export async function rawDurableWrite(path: string, data: string): Promise<void> {
  const temp = `${path}.raw.tmp`;
  const file = await open(temp, 'w');
  await file.writeFile(data);
  await file.sync();
  await file.close();
  await rename(temp, path);
  const folder = await open(dirname(path), 'r');
  await folder.sync();
  await folder.close();
}
