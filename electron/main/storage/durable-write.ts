import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Research is confidential: store files are readable by their owner only. */
export const STORE_FILE_MODE = 0o600;

/** Temp files are named so a startup sweep can recognise them: `.<name>.<pid>.<random>.tmp`. */
export const TEMP_FILE_PATTERN = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Makes a rename or a new entry in `dir` survive a power cut. Windows cannot open a
 * folder for fsync, and NTFS journals renames itself, so there it is a no-op.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `data` so that after a crash or power cut the file holds either
 * the old bytes or the new ones, never a mix: write a temp file beside it, fsync it,
 * rename it over the target, fsync the folder. (steno, under lowdb, skips both fsyncs.)
 */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', STORE_FILE_MODE);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
}
