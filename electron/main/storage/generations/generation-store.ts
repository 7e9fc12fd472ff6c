import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GenerationFile } from '../../../../shared/domain/durability';
import type { Logger } from '../../logging/logger';
import { writeFileDurably } from '../durable-write';
import { namesInFolder } from '../names-in-folder';
import { parseStoreFile } from '../parse-store-file';
import { StoreFileError, type StoreFileSpec } from '../store-file-spec';
import { copyName, generationFolder, timeOfCopy } from './generation-path';

/** Rolling copies kept per store file; older ones are removed as new ones are taken. */
export const GENERATIONS_KEPT = 20;

/**
 * A copy is taken at most this often per file: an autosave every second would otherwise
 * turn twenty copies into twenty seconds of typing. The last write always gets its copy
 * (when the interval has passed, or when the library closes).
 */
export const GENERATION_INTERVAL_MS = 30_000;

/** One rolling copy of a store file, as found on disk. */
export interface Generation {
  file: GenerationFile;
  /** The copy's file name (its time). */
  name: string;
  path: string;
  at: string;
  bytes: number;
}

/** A copy that reads as a valid store file, with its value. */
export interface ValidGeneration<T> extends Generation {
  value: T;
  text: Uint8Array;
}

export interface GenerationStore {
  /**
   * After a successful write of `file` with `text`: keeps a rolling copy of it, off the
   * caller's path (the write is already durable; the copy is the fallback when the file is
   * later found damaged). Never throws; a failed copy is logged.
   */
  record(file: GenerationFile, text: string | Uint8Array): void;
  /** Takes a copy now, whatever the interval (the current file, before it is replaced). */
  keepNow(file: GenerationFile, text: string | Uint8Array): Promise<void>;
  /** The copies of one file, newest first. */
  list(file: GenerationFile): Promise<Generation[]>;
  /**
   * The newest copy that is a valid store file for `spec` and, when `belongs` is given,
   * is of the right owner (a memo's copy holds that memo); null when none is.
   */
  newestValid<T extends { schemaVersion: number }>(
    file: GenerationFile,
    spec: StoreFileSpec<T>,
    belongs?: (value: T) => boolean,
  ): Promise<ValidGeneration<T> | null>;
  /** Writes the copies still waiting for their interval, and waits for those under way. */
  flush(): Promise<void>;
}

interface Waiting {
  file: GenerationFile;
  text: string | Uint8Array;
  timer: NodeJS.Timeout | null;
}

const keyOf = (file: GenerationFile) =>
  file.kind === 'library'
    ? 'library'
    : file.kind === 'memo'
      ? `memo:${file.memoId}`
      : `annotations:${file.articleId}`;

/** The copies of one file in `folder`, newest first. */
const copiesIn = async (folder: string): Promise<string[]> =>
  (await namesInFolder(folder))
    .filter((name) => timeOfCopy(name) !== null)
    .sort()
    .reverse();

/**
 * Rolling copies of the store files that change (library.json, each memo, each article's
 * highlights), GENERATIONS_KEPT per file in `backups/rolling/`. They are what startup
 * restores when it finds a file damaged (a disk that lost a write, another program that
 * rewrote it); the memos' revisions and the daily snapshots cover the longer past.
 */
export function createGenerationStore({
  dataDir,
  now = () => new Date(),
  logger = console,
}: {
  dataDir: string;
  now?: () => Date;
  logger?: Logger;
}): GenerationStore {
  /** When each file's newest copy was taken in this session. */
  const lastTaken = new Map<string, number>();
  /** The bytes of each file's newest copy (by hash): the same bytes twice make one copy. */
  const lastCopied = new Map<string, string>();
  /** Copies waiting for their interval: only the newest text per file. */
  const waiting = new Map<string, Waiting>();
  /** Copies being written, so flush can wait for them. */
  const writing = new Set<Promise<void>>();
  let sequence = 0;

  async function write(file: GenerationFile, text: string | Uint8Array): Promise<void> {
    const hash = createHash('sha256').update(text).digest('hex');
    if (lastCopied.get(keyOf(file)) === hash) return;
    const folder = generationFolder(dataDir, file);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFileDurably(join(folder, copyName(now(), sequence++ % 1000)), text);
    lastCopied.set(keyOf(file), hash);
    for (const old of (await copiesIn(folder)).slice(GENERATIONS_KEPT)) {
      await rm(join(folder, old), { force: true });
    }
  }

  function start(file: GenerationFile, text: string | Uint8Array): Promise<void> {
    lastTaken.set(keyOf(file), Date.now());
    const task = write(file, text).catch((error: unknown) => {
      logger.warn(`Store: could not keep a rolling copy of ${keyOf(file)}.`, error);
    });
    writing.add(task);
    void task.finally(() => writing.delete(task));
    return task;
  }

  function takeWaiting(key: string): void {
    const entry = waiting.get(key);
    if (!entry) return;
    waiting.delete(key);
    if (entry.timer) clearTimeout(entry.timer);
    void start(entry.file, entry.text);
  }

  return {
    record(file, text) {
      const key = keyOf(file);
      const since = Date.now() - (lastTaken.get(key) ?? -Infinity);
      if (since >= GENERATION_INTERVAL_MS && !waiting.has(key)) {
        void start(file, text);
        return;
      }
      const entry = waiting.get(key);
      if (entry) {
        entry.text = text;
        return;
      }
      const timer = setTimeout(() => takeWaiting(key), GENERATION_INTERVAL_MS - since);
      timer.unref();
      waiting.set(key, { file, text, timer });
    },

    async keepNow(file, text) {
      const key = keyOf(file);
      waiting.delete(key);
      lastTaken.set(key, Date.now());
      await write(file, text);
    },

    async list(file) {
      const folder = generationFolder(dataDir, file);
      const found: Generation[] = [];
      for (const name of await copiesIn(folder)) {
        const path = join(folder, name);
        const size = await stat(path).then(
          (s) => s.size,
          () => null,
        );
        if (size !== null) found.push({ file, name, path, at: timeOfCopy(name)!, bytes: size });
      }
      return found;
    },

    async newestValid(file, spec, belongs = () => true) {
      for (const generation of await this.list(file)) {
        try {
          const text = await readFile(generation.path);
          const value = parseStoreFile(spec, text);
          if (belongs(value)) return { ...generation, text, value };
        } catch (error) {
          if (error instanceof StoreFileError || (error as NodeJS.ErrnoException).code) continue;
          throw error;
        }
      }
      return null;
    },

    async flush() {
      for (const key of [...waiting.keys()]) takeWaiting(key);
      await Promise.all([...writing]);
    },
  };
}
