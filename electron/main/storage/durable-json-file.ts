import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durable-write';
import { parseStoreFile, serializeStoreFile } from './parse-store-file';
import type { StoreFileSpec } from './store-file-spec';

/**
 * lowdb adapter for one store file: reads validate and migrate (throwing StoreFileError
 * for a damaged or newer file, never returning a cast), writes are durable and applied in
 * call order, each one a snapshot taken when `write` was called.
 */
export class DurableJsonFile<T extends { schemaVersion: number }> implements Adapter<T> {
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly spec: StoreFileSpec<T>,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseStoreFile(this.spec, bytes);
  }

  write(data: T): Promise<void> {
    const text = serializeStoreFile(this.spec, data);
    const written = this.#queue.then(() => writeFileDurably(this.path, text));
    this.#queue = written.catch(() => undefined);
    return written;
  }
}
