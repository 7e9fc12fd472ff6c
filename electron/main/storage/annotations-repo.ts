import { relative } from 'node:path';
import { Low } from 'lowdb';
import type { Highlight } from '../../../shared/domain/highlight';
import { AppError } from '../errors/app-error';
import { describeWriteFailure } from './describe-write-failure';
import { DurableJsonFile } from './durable-json-file';
import { serialQueue } from './serial-queue';
import { reportUnreadableFile } from './report-unreadable-file';
import type { StoreContext } from './store-context';
import { StoreFileError } from './store-file-spec';
import { annotationsFileSpec, emptyAnnotationsFile, type AnnotationsFile } from './store-files';

export interface AnnotationsRepo {
  listHighlights(articleId: string): Promise<Highlight[]>;
  /** Inserts the highlight, or replaces the one with the same id; durable when it resolves. */
  saveHighlight(highlight: Highlight): Promise<void>;
  /** Resolves when every read and write started so far has finished. */
  flush(): Promise<void>;
}

interface AnnotationsRepoDeps extends StoreContext {
  articleExists: (articleId: string) => boolean;
}

/**
 * Highlights live in one small file per article. Every operation on an article's file is
 * a read-modify-write in that article's own queue, so concurrent saves never overwrite
 * each other; nothing is cached between operations, so memory can never drift from disk.
 */
export function createAnnotationsRepo({
  layout,
  articleExists,
  assertWritable,
  report,
  now,
}: AnnotationsRepoDeps): AnnotationsRepo {
  const queues = new Map<string, { run: ReturnType<typeof serialQueue>; pending: number }>();

  /** Runs `task` after every earlier task on the same article. */
  async function inQueue<T>(articleId: string, task: () => Promise<T>): Promise<T> {
    const queue = queues.get(articleId) ?? { run: serialQueue(), pending: 0 };
    queues.set(articleId, queue);
    queue.pending++;
    try {
      return await queue.run(task);
    } finally {
      if (--queue.pending === 0) queues.delete(articleId);
    }
  }

  /**
   * Reads the article's highlights file. A damaged file is set aside (never written over)
   * and reported; the article then starts a fresh file. A newer version is refused.
   */
  async function open(articleId: string): Promise<Low<AnnotationsFile>> {
    if (!articleExists(articleId)) {
      throw new AppError('NOT_FOUND', 'This article is no longer in the library.');
    }
    const path = layout.annotationsFile(articleId);
    const db = new Low(
      new DurableJsonFile(path, annotationsFileSpec),
      emptyAnnotationsFile(articleId),
    );
    try {
      await db.read();
      return db;
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      const file = relative(layout.dataDir, path);
      if (error.kind === 'newer-version') {
        throw new AppError(
          'STORE_READ_ONLY',
          `The highlights file ${file} ${error.reason}; Margin will not change it.`,
        );
      }
      const outcome =
        "The article's earlier highlights are in the set-aside file; new highlights go into a fresh one.";
      const { setAsideAs } = await reportUnreadableFile(
        layout.dataDir,
        path,
        error,
        outcome,
        report,
        now(),
      );
      throw new AppError(
        'STORE_CORRUPT',
        `The highlights file ${file} was damaged (${error.reason}). Margin set it aside as ${setAsideAs}; ` +
          'new highlights for this article are saved in a fresh file.',
      );
    }
  }

  return {
    listHighlights: (articleId) =>
      inQueue(articleId, async () => [...(await open(articleId)).data.highlights]),

    saveHighlight: async (highlight) => {
      assertWritable(); // checked when asked: a save accepted before close() still completes
      return inQueue(highlight.articleId, async () => {
        const db = await open(highlight.articleId);
        const others = db.data.highlights.filter((h) => h.id !== highlight.id);
        const replaced = others.length < db.data.highlights.length;
        db.data.highlights = replaced
          ? db.data.highlights.map((h) => (h.id === highlight.id ? highlight : h))
          : [...others, highlight];
        try {
          await db.write();
        } catch (error) {
          throw describeWriteFailure('the highlight', error);
        }
      });
    },

    flush: async () => {
      await Promise.all([...queues.keys()].map((id) => inQueue(id, async () => undefined)));
    },
  };
}
