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

/**
 * Most bytes of the target's name a temp name repeats: with its dot, pid, random part and
 * `.tmp` it stays under the 255 bytes file systems allow, however long the target's name.
 */
const TEMP_NAME_MAX_BYTES = 200;

/** `name` cut to at most `max` UTF-8 bytes, never inside a character. */
function cutToBytes(name: string, max: number): string {
  let cut = '';
  let bytes = 0;
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    cut += char;
  }
  return cut;
}

/** The temp file a durable write of `path` goes through (matches TEMP_FILE_PATTERN). */
export function tempPathFor(path: string): string {
  const name = cutToBytes(basename(path), TEMP_NAME_MAX_BYTES);
  return join(dirname(path), `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Replaces `path` with `data` so that after a crash or power cut the file holds either
 * the old bytes or the new ones, never a mix: write a temp file beside it, fsync it,
 * rename it over the target, fsync the folder. (steno, under lowdb, skips both fsyncs.)
 * It throws only when the target was left unchanged. `mode` is the new file's permissions
 * (the process umask still applies): store files are private, exports are for sharing.
 */
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  mode: number = STORE_FILE_MODE,
): Promise<void> {
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx', mode);
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
