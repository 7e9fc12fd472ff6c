import { rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hardenRename } from '../../storage/durable-write';

/** Renames `from` to `to` (same disk); nothing to do when `from` does not exist. */
export async function moveAsideIfPresent(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await hardenRename(dirname(to));
}
