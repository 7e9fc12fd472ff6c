import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { assertRealPathInside } from '../security/confine-path';
import { writeFileDurably } from './durable-write';
import { parseStoreFile, serializeStoreFile } from './parse-store-file';
import type { StoreFileSpec } from './store-file-spec';
import { fileStamp } from './file-stamp';

/** What identifies one version of a file on disk: a write by anyone changes one of these. */
interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The file as this adapter last read or wrote it. */
interface Seen {
  identity: FileIdentity | null;
  /** SHA-256 of its bytes: a file rewritten with the same bytes (a sync tool, `touch`) is no conflict. */
  sha256: string | null;
}

const sha256Of = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bytes at `path` now, or null when they cannot be read. */
const bytesAt = (path: string) => readFile(path).catch(() => null);

export interface DurableJsonFileHooks {
  /** After each successful write, with the exact text written (rolling copies). */
  onWritten?: (text: string) => void;
  /**
   * The file changed on disk since Margin last read or wrote it (a sync tool, an editor).
   * Margin's version was written to `conflictCopy` instead and the file left as the other
   * program wrote it; the error returned is what the write throws.
   */
  onConflict?: (conflictCopy: string) => Error;
  /**
   * The data folder: the file is neither read nor written unless its real path lies inside
   * it, so a folder in the library replaced by a link to elsewhere is not followed.
   */
  confinedTo?: string;
}

/** The file at `path` as it is now; null when there is no file there (nothing to overwrite). */
async function identityOf(path: string): Promise<FileIdentity | null> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const sameIdentity = (a: FileIdentity | null, b: FileIdentity | null) =>
  a === b ||
  (a !== null && b !== null && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);

/** `memo.json.conflict-2026-11-26T09-30-05-123Z`: beside the file, never swept. */
export function conflictCopyPath(path: string, at: Date): string {
  return join(dirname(path), `${basename(path)}.conflict-${fileStamp(at)}`);
}

/**
 * lowdb adapter for one store file: reads validate and migrate (throwing StoreFileError
 * for a damaged or newer file, never returning a cast), writes are durable and applied in
 * call order, each one a snapshot taken when `write` was called. A write never replaces a
 * file that changed on disk since this adapter read or wrote it: that would silently undo
 * another program's change.
 */
export class DurableJsonFile<T extends { schemaVersion: number }> implements Adapter<T> {
  #queue: Promise<void> = Promise.resolve();
  /** The file as this adapter last saw it; undefined until it reads or writes it. */
  #seen: Seen | undefined;

  constructor(
    readonly path: string,
    private readonly spec: StoreFileSpec<T>,
    private readonly hooks: DurableJsonFileHooks = {},
  ) {}

  async read(): Promise<T | null> {
    let bytes: Uint8Array;
    if (this.hooks.confinedTo) await assertRealPathInside(this.hooks.confinedTo, this.path);
    const before = await identityOf(this.path);
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.#seen = { identity: null, sha256: null };
        return null;
      }
      throw error;
    }
    // Only a file that parses counts as seen: until one does, every write is a conflict
    // (a file another program broke or a newer Margin wrote is never written over).
    const value = parseStoreFile(this.spec, bytes);
    // Writes replace the file by renaming, so what was read is the file `before` names
    // unless a write landed between the two calls; then the next write compares bytes.
    this.#seen = { identity: before, sha256: sha256Of(bytes) };
    return value;
  }

  write(data: T): Promise<void> {
    const text = serializeStoreFile(this.spec, data);
    const written = this.#queue.then(() => this.#replace(text));
    this.#queue = written.catch(() => undefined);
    return written;
  }

  async #replace(text: string): Promise<void> {
    if (this.hooks.confinedTo) await assertRealPathInside(this.hooks.confinedTo, this.path);
    if (this.#seen !== undefined && this.hooks.onConflict) {
      const seen = this.#seen;
      const current = await identityOf(this.path);
      // Only a file someone else wrote is at stake; a deleted file is simply written again.
      if (current !== null && !sameIdentity(current, seen.identity)) {
        const onDisk = await bytesAt(this.path);
        if (onDisk === null || sha256Of(onDisk) !== seen.sha256) {
          // `seen` stays as it was: every write is refused like this one until the owner
          // reads the file again (and so knows what it would be writing over).
          const copy = conflictCopyPath(this.path, new Date());
          await writeFileDurably(copy, text);
          throw this.hooks.onConflict(copy);
        }
      }
    }
    await writeFileDurably(this.path, text);
    // The rename was the commit: from here on nothing may fail the write, or the caller
    // would roll back a change that is already on disk.
    const identity = await identityOf(this.path).catch(() => null);
    this.#seen = identity ? { identity, sha256: sha256Of(text) } : undefined;
    try {
      this.hooks.onWritten?.(text);
    } catch {
      // A rolling copy is a convenience; losing one never fails a save.
    }
  }
}
