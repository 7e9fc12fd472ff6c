import { relative } from 'node:path';
import { Low } from 'lowdb';
import type { Highlight } from '../../../shared/domain/highlight';
import type { DismissedSuggestion } from '../../../shared/domain/suggestion';
import { AppError } from '../errors/app-error';
import { describeWriteFailure } from './describe-write-failure';
import { DurableJsonFile } from './durable-json-file';
import { externalChangeError } from './external-change';
import { copyTime, restoreNewestGeneration } from './generations/restore-newest-generation';
import { serialQueue } from './serial-queue';
import { reportUnreadableFile } from './report-unreadable-file';
import type { StoreContext } from './store-context';
import { StoreFileError } from './store-file-spec';
import { annotationsFileSpec, emptyAnnotationsFile, type AnnotationsFile } from './store-files';

export interface AnnotationsRepo {
  listHighlights(articleId: string): Promise<Highlight[]>;
  /** Inserts the highlight, or replaces the one with the same id; durable when it resolves. */
  saveHighlight(highlight: Highlight): Promise<void>;
  /** Inserts a highlight that must not exist yet (undoing a delete); CONFLICT if it does. */
  insertHighlight(highlight: Highlight): Promise<void>;
  /**
   * Replaces a highlight with `change(current)`, in the article's queue, so two quick edits
   * never lose one another. NOT_FOUND when it is gone.
   */
  updateHighlight(
    articleId: string,
    id: string,
    change: (current: Highlight) => Highlight,
  ): Promise<Highlight>;
  /** Removes a highlight and returns it (for undo). NOT_FOUND when it is gone. */
  deleteHighlight(articleId: string, id: string): Promise<Highlight>;
  /**
   * Replaces tag `fromId` by `intoId` in every highlight of the given articles (a codebook
   * merge); returns how many highlights changed.
   */
  replaceTag(articleIds: readonly string[], fromId: string, intoId: string): Promise<number>;
  /** The claim suggestions the analyst dismissed in this article. */
  listDismissedSuggestions(articleId: string): Promise<DismissedSuggestion[]>;
  /**
   * Records a dismissed suggestion (once); durable when it resolves. Returns how many the
   * article has dismissed now.
   */
  dismissSuggestion(articleId: string, span: DismissedSuggestion): Promise<number>;
  /** Forgets every dismissal of the article; returns how many there were. */
  restoreDismissedSuggestions(articleId: string): Promise<number>;
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
  generations,
  saved,
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
   * and reported, and its newest valid rolling copy is put back; without one, the article
   * starts a fresh file. A newer version is refused.
   */
  async function open(articleId: string): Promise<Low<AnnotationsFile>> {
    if (!articleExists(articleId)) {
      throw new AppError('NOT_FOUND', 'This article is no longer in the library.');
    }
    const path = layout.annotationsFile(articleId);
    const generation = { kind: 'annotations', articleId } as const;
    const db = new Low(
      new DurableJsonFile(path, annotationsFileSpec, {
        confinedTo: layout.dataDir,
        onWritten: (text) => {
          saved();
          generations.record(generation, text);
        },
        onConflict: (copy) =>
          externalChangeError(
            layout.dataDir,
            path,
            copy,
            'the highlights',
            report,
            'Make the change again: it is added to the version on disk.',
          ),
      }),
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
          `The highlights file ${file} is left as it is: ${error.reason}. Update Margin to change it.`,
        );
      }
      try {
        assertWritable();
      } catch (readOnly) {
        report({
          file,
          setAsideAs: null,
          reason: error.reason,
          outcome:
            "The article's highlights cannot be shown; the library is read-only, so the file was left where it is.",
        });
        throw readOnly;
      }
      const outcome =
        "The article's earlier highlights are in the set-aside file; new highlights go into a fresh one.";
      const { setAsideAs, recovered } = await reportUnreadableFile(
        layout.dataDir,
        path,
        error,
        outcome,
        report,
        now(),
        {
          recover: async () => {
            assertWritable();
            const copy = await restoreNewestGeneration(
              generations,
              generation,
              annotationsFileSpec,
              path,
              (value) => value.articleId === articleId,
            );
            if (!copy) return null;
            return `Margin put back its rolling copy of ${copyTime(copy.at)} (${copy.value.highlights.length} highlights); changes to this article's highlights after that time are in the set-aside file only.`;
          },
        },
      );
      if (recovered) {
        await db.read();
        return db;
      }
      throw new AppError(
        'STORE_CORRUPT',
        `The highlights file ${file} was damaged (${error.reason}). Margin set it aside as ${setAsideAs}; ` +
          'new highlights for this article are saved in a fresh file.',
      );
    }
  }

  /** Writes the article's highlights; a failed write leaves the file as it was. */
  function write(db: Low<AnnotationsFile>, highlights: Highlight[]): Promise<void> {
    return writeChange(db, { highlights }, 'the highlight');
  }

  /** Writes a change of the file; a failed write leaves the file, and `db`, as they were. */
  async function writeChange(
    db: Low<AnnotationsFile>,
    change: Partial<Omit<AnnotationsFile, 'schemaVersion' | 'articleId'>>,
    what: string,
  ): Promise<void> {
    const before = db.data;
    db.data = { ...before, ...change };
    try {
      await db.write();
    } catch (error) {
      db.data = before;
      throw describeWriteFailure(what, error);
    }
  }

  const gone = () =>
    new AppError(
      'NOT_FOUND',
      'This highlight is no longer in the article; it may have been deleted.',
    );

  return {
    listHighlights: (articleId) =>
      inQueue(articleId, async () => [...(await open(articleId)).data.highlights]),

    saveHighlight: async (highlight) => {
      assertWritable(); // checked when asked: a save accepted before close() still completes
      return inQueue(highlight.articleId, async () => {
        const db = await open(highlight.articleId);
        const exists = db.data.highlights.some((h) => h.id === highlight.id);
        await write(
          db,
          exists
            ? db.data.highlights.map((h) => (h.id === highlight.id ? highlight : h))
            : [...db.data.highlights, highlight],
        );
      });
    },

    insertHighlight: async (highlight) => {
      assertWritable();
      return inQueue(highlight.articleId, async () => {
        const db = await open(highlight.articleId);
        if (db.data.highlights.some((h) => h.id === highlight.id)) {
          throw new AppError('CONFLICT', 'This highlight is already in the article.');
        }
        await write(db, [...db.data.highlights, highlight]);
      });
    },

    updateHighlight: async (articleId, id, change) => {
      assertWritable();
      return inQueue(articleId, async () => {
        const db = await open(articleId);
        const current = db.data.highlights.find((h) => h.id === id);
        if (!current) throw gone();
        const updated = change(current);
        await write(
          db,
          db.data.highlights.map((h) => (h.id === id ? updated : h)),
        );
        return updated;
      });
    },

    deleteHighlight: async (articleId, id) => {
      assertWritable();
      return inQueue(articleId, async () => {
        const db = await open(articleId);
        const current = db.data.highlights.find((h) => h.id === id);
        if (!current) throw gone();
        await write(
          db,
          db.data.highlights.filter((h) => h.id !== id),
        );
        return current;
      });
    },

    replaceTag: async (articleIds, fromId, intoId) => {
      assertWritable();
      let changed = 0;
      for (const articleId of articleIds) {
        changed += await inQueue(articleId, async () => {
          const db = await open(articleId);
          const tagged = db.data.highlights.filter((h) => h.tags.includes(fromId));
          if (tagged.length === 0) return 0;
          const stamp = now().toISOString();
          await write(
            db,
            db.data.highlights.map((h) =>
              h.tags.includes(fromId)
                ? {
                    ...h,
                    tags: [...new Set(h.tags.map((t) => (t === fromId ? intoId : t)))],
                    updatedAt: stamp,
                  }
                : h,
            ),
          );
          return tagged.length;
        });
      }
      return changed;
    },

    listDismissedSuggestions: (articleId) =>
      inQueue(articleId, async () => [...(await open(articleId)).data.dismissedSuggestions]),

    dismissSuggestion: async (articleId, span) => {
      assertWritable();
      return inQueue(articleId, async () => {
        const db = await open(articleId);
        const dismissed = db.data.dismissedSuggestions;
        if (dismissed.some((d) => d.start === span.start && d.end === span.end)) {
          return dismissed.length;
        }
        await writeChange(
          db,
          { dismissedSuggestions: [...dismissed, { start: span.start, end: span.end }] },
          'the dismissed suggestion',
        );
        return dismissed.length + 1;
      });
    },

    restoreDismissedSuggestions: async (articleId) => {
      assertWritable();
      return inQueue(articleId, async () => {
        const db = await open(articleId);
        const count = db.data.dismissedSuggestions.length;
        if (count > 0) {
          await writeChange(db, { dismissedSuggestions: [] }, 'the dismissed suggestions');
        }
        return count;
      });
    },

    flush: async () => {
      await Promise.all([...queues.keys()].map((id) => inQueue(id, async () => undefined)));
    },
  };
}
