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
async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * After a rename has happened, the change is made: a failing folder fsync must not make
 * the caller roll back (it would undo a change that is already visible). The rename is
 * the commit point; this fsync only hardens it against a power cut.
 */
export async function hardenRename(dir: string): Promise<void> {
  await fsyncDirectory(dir).catch(() => undefined);
}

/** The temp file a durable write of `path` goes through (matches TEMP_FILE_PATTERN). */
export function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * Replaces `path` with `data` so that after a crash or power cut the file holds either
 * the old bytes or the new ones, never a mix: write a temp file beside it, fsync it,
 * rename it over the target, fsync the folder. (steno, under lowdb, skips both fsyncs.)
 * It throws only when the target was left unchanged.
 */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path);
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
  await hardenRename(dirname(path));
}
