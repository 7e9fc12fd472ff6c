import { relative } from 'node:path';
import { Low } from 'lowdb';
import type { Highlight } from '../../../shared/domain/highlight';
import { AppError } from '../errors/app-error';
import { describeWriteFailure } from './describe-write-failure';
import { DurableJsonFile } from './durable-json-file';
import type { LibraryLayout } from './library-layout';
import type { ReadOnlyGuard } from './read-only-guard';
import { StoreFileError } from './store-file-spec';
import { annotationsFileSpec, emptyAnnotationsFile, type AnnotationsFile } from './store-files';

export interface AnnotationsRepo {
  listHighlights(articleId: string): Promise<Highlight[]>;
  /** Inserts the highlight, or replaces the one with the same id; durable when it resolves. */
  saveHighlight(highlight: Highlight): Promise<void>;
  /** Resolves when every write started so far has reached the disk. */
  flush(): Promise<void>;
}

interface AnnotationsRepoDeps {
  layout: LibraryLayout;
  articleExists: (articleId: string) => boolean;
  assertWritable: ReadOnlyGuard;
}

/** Open annotation files kept in memory; the analyst works in a handful of articles at a time. */
const OPEN_FILES_LIMIT = 64;

export function createAnnotationsRepo({
  layout,
  articleExists,
  assertWritable,
}: AnnotationsRepoDeps): AnnotationsRepo {
  // The loading promise is cached, so concurrent first saves share one in-memory copy.
  const open = new Map<string, Promise<Low<AnnotationsFile>>>();
  // Each article's last write (settled): a file evicted from `open` is re-read only after it.
  const lastWrites = new Map<string, Promise<void>>();

  async function read(articleId: string): Promise<Low<AnnotationsFile>> {
    await lastWrites.get(articleId);
    const path = layout.annotationsFile(articleId);
    const db = new Low(
      new DurableJsonFile(path, annotationsFileSpec),
      emptyAnnotationsFile(articleId),
    );
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      throw new AppError(
        'STORE_CORRUPT',
        `The highlights file ${relative(layout.dataDir, path)} cannot be read (${error.reason}). ` +
          'Margin left it untouched and will not write over it.',
      );
    }
    return db;
  }

  function load(articleId: string): Promise<Low<AnnotationsFile>> {
    const cached = open.get(articleId);
    if (cached) {
      open.delete(articleId);
      open.set(articleId, cached); // most recently used last
      return cached;
    }
    if (!articleExists(articleId)) {
      return Promise.reject(new AppError('NOT_FOUND', 'This article is no longer in the library.'));
    }
    const loading = read(articleId);
    open.set(articleId, loading);
    loading.catch(() => open.delete(articleId));
    if (open.size > OPEN_FILES_LIMIT) open.delete(open.keys().next().value!);
    return loading;
  }

  function track(articleId: string, write: Promise<void>): Promise<void> {
    const settled = write.catch(() => undefined);
    lastWrites.set(articleId, settled);
    void settled.then(() => {
      if (lastWrites.get(articleId) === settled) lastWrites.delete(articleId);
    });
    return write;
  }

  return {
    async listHighlights(articleId) {
      return [...(await load(articleId)).data.highlights];
    },
    async saveHighlight(highlight) {
      assertWritable();
      const db = await load(highlight.articleId);
      const highlights = db.data.highlights;
      const index = highlights.findIndex((h) => h.id === highlight.id);
      const previous = index === -1 ? undefined : highlights[index];
      if (index === -1) highlights.push(highlight);
      else highlights[index] = highlight;
      try {
        await track(highlight.articleId, db.write());
      } catch (error) {
        // Keep memory equal to disk: undo the change that did not reach the disk.
        if (previous) highlights[index] = previous;
        else highlights.splice(highlights.indexOf(highlight), 1);
        throw describeWriteFailure('the highlight', error);
      }
    },
    async flush() {
      await Promise.all(lastWrites.values());
    },
  };
}
