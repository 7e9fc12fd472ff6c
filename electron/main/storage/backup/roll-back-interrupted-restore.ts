import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreNotice } from '../../../../shared/domain/library-status';
import { hardenRename } from '../durable-write';
import { REPLACED, REPLACED_PREFIX, restoreFolderIn } from './restore-folders';

/**
 * Puts the library back as it was when a restore was cut off while it swapped the
 * folders (a crash, a power cut). The swap moves the old library into `.replaced-…`, moves
 * the backup's folders in, and commits by renaming `.replaced-…` away; so a `.replaced-…`
 * folder found here means the swap never committed. Everything it holds goes back in
 * place; whatever of the backup had been moved in, or was created since (an empty
 * `articles/` made at open), moves into a `.restore-…` folder that the sweep removes (the
 * backup itself is still in its zip). Runs with the library's lock held, before anything
 * else reads the data folder. Returns what to tell the analyst, or null.
 */
export async function rollBackInterruptedRestore(dataDir: string): Promise<StoreNotice | null> {
  const interrupted = (await readdir(dataDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(REPLACED_PREFIX))
    .map((entry) => entry.name)
    .sort();
  const newest = interrupted.at(-1);
  if (!newest) return null;
  const aside = join(dataDir, newest);
  const held = new Set(await readdir(aside));
  const discard = restoreFolderIn(dataDir);
  await mkdir(discard, { mode: 0o700 });
  for (const name of REPLACED) {
    if (!held.has(name)) continue;
    // What stands in its place came from the backup (or was made empty at open).
    await rename(join(dataDir, name), join(discard, name)).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    });
    await rename(join(aside, name), join(dataDir, name));
  }
  await hardenRename(dataDir);
  await rm(aside, { recursive: true, force: true });
  const older = interrupted.length - 1;
  return {
    file: newest,
    setAsideAs: null,
    reason: 'a restore from backup was cut off while it swapped the libraries',
    outcome: `Margin put your library back as it was before that restore; restore the backup again if you still want it.${older > 0 ? ` ${older} older folder(s) named ${REPLACED_PREFIX}… from earlier interrupted restores were left in the data folder.` : ''}`,
  };
}
