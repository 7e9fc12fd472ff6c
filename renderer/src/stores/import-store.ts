import { create } from 'zustand';
import type { ArticleAdded } from '../../../shared/domain/article';
import { fileTooLargeReason, IMPORT_FILE_MAX_BYTES } from '../../../shared/domain/import-limits';
import type { ChosenFile } from '../../../shared/domain/import-request';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage, WorkbenchCallError } from '../lib/workbench-client';
import { useArticlesStore } from './articles-store';

/** Where an item's content comes from: a file chosen in the dialog, a dropped file, or a URL. */
export type ImportSource =
  | { kind: 'chosen'; token: string }
  | { kind: 'dropped'; file: File }
  | { kind: 'url'; url: string };

export type ImportItemStatus =
  'queued' | 'importing' | 'imported' | 'duplicate' | 'failed' | 'cancelled' | 'needs-password';

export interface ImportItem {
  requestId: string;
  name: string;
  source: ImportSource;
  status: ImportItemStatus;
  /** The analyst's message for failures ("Couldn't import 'x.pdf': …"). */
  message: string | null;
  articleId: string | null;
  articleTitle: string | null;
  password?: string;
  asNewVersionOf?: string;
}

interface ImportState {
  items: ImportItem[];
  running: boolean;
  /** Why the open dialog could not be shown, if it failed. */
  dialogError: string | null;
  /** Adds the files the analyst picks in the open dialog (Ctrl+O) to the batch. */
  chooseFiles(): Promise<void>;
  addDroppedFiles(files: readonly File[]): void;
  /** Adds files opened with Margin from the OS (main already holds their paths). */
  addOpenedFiles(files: readonly ChosenFile[]): void;
  addUrl(url: string): void;
  /** Stops the batch: the running import is aborted, queued ones are marked cancelled. */
  cancel(): Promise<void>;
  retryWithPassword(requestId: string, password: string): void;
  importAsNewVersion(requestId: string): void;
  /** Forgets finished items (when the window is closed after a batch). */
  clearFinished(): void;
}

const ACTIVE: ReadonlySet<ImportItemStatus> = new Set(['queued', 'importing']);
/** Rows a new batch keeps: still running, or waiting for the analyst to act. */
const KEPT: ReadonlySet<ImportItemStatus> = new Set([...ACTIVE, 'needs-password', 'duplicate']);

export const useImportStore = create<ImportState>()((set, get) => {
  const update = (requestId: string, patch: Partial<ImportItem>) =>
    set((s) => ({
      items: s.items.map((item) => (item.requestId === requestId ? { ...item, ...patch } : item)),
    }));

  const isActive = (requestId: string) =>
    get().items.some((i) => i.requestId === requestId && i.status === 'importing');

  async function runOne(item: ImportItem): Promise<ArticleAdded> {
    const client = requireWorkbench();
    const options = {
      requestId: item.requestId,
      ...(item.password !== undefined && { password: item.password }),
      ...(item.asNewVersionOf !== undefined && { asNewVersionOf: item.asNewVersionOf }),
    };
    const { source } = item;
    switch (source.kind) {
      case 'chosen':
        return client.import.file({ token: source.token, ...options });
      case 'url':
        return client.import.url({ url: source.url, ...options });
      case 'dropped': {
        if (source.file.size > IMPORT_FILE_MAX_BYTES) {
          throw new WorkbenchCallError(
            'TOO_LARGE',
            `Couldn't import '${source.file.name}': ${fileTooLargeReason(source.file.size)}.`,
          );
        }
        let bytes: Uint8Array<ArrayBuffer>;
        try {
          bytes = new Uint8Array(await source.file.arrayBuffer());
        } catch {
          throw new WorkbenchCallError(
            'DAMAGED_FILE',
            `Couldn't import '${source.file.name}': Margin could not read it (it may be a folder, or it was moved or deleted).`,
          );
        }
        if (!isActive(item.requestId)) {
          throw new WorkbenchCallError('CANCELLED', 'Cancelled; nothing was imported.');
        }
        return client.import.bytes({ name: source.file.name, bytes, ...options });
      }
    }
  }

  /** Works through the queue one item at a time, so progress and cancelling stay simple. */
  async function drain(): Promise<void> {
    if (get().running) return;
    set({ running: true });
    let lastImported: string | null = null; // the article to open when the batch ends
    try {
      for (;;) {
        const next = get().items.find((item) => item.status === 'queued');
        if (!next) break;
        update(next.requestId, { status: 'importing', message: null });
        try {
          const added = await runOne(next);
          // Cancelled too late: main had already stored it, so say so rather than hide it.
          const lateCancel = !isActive(next.requestId);
          update(next.requestId, {
            status: added.created ? 'imported' : 'duplicate',
            articleId: added.article.id,
            articleTitle: added.article.title,
            message: lateCancel ? 'It was imported before it could be cancelled.' : null,
          });
          if (added.created) useArticlesStore.getState().addSummary(added.article);
          // A duplicate is opened too: "Already in your library" shows the analyst where.
          lastImported = added.article.id;
        } catch (error) {
          const code = error instanceof WorkbenchCallError ? error.code : null;
          update(next.requestId, {
            status:
              code === 'PASSWORD_REQUIRED' || code === 'PASSWORD_INCORRECT'
                ? 'needs-password'
                : code === 'CANCELLED'
                  ? 'cancelled'
                  : 'failed',
            message: errorMessage(error),
          });
        }
      }
    } finally {
      set({ running: false });
    }
    if (lastImported) await useArticlesStore.getState().select(lastImported);
  }

  function enqueue(items: Array<Pick<ImportItem, 'name' | 'source'>>): void {
    if (items.length === 0) return;
    const queued = items.map((item): ImportItem => ({
      ...item,
      requestId: crypto.randomUUID(),
      status: 'queued',
      message: null,
      articleId: null,
      articleTitle: null,
    }));
    // A new batch replaces a finished one; items of a running batch stay.
    set((s) => ({
      items: [...(s.running ? s.items : s.items.filter((i) => KEPT.has(i.status))), ...queued],
    }));
    void drain();
  }

  /** Runs an item again, under a new request id (main may still know the old one). */
  function requeue(requestId: string, patch: Partial<ImportItem>): void {
    update(requestId, {
      ...patch,
      status: 'queued',
      message: null,
      requestId: crypto.randomUUID(),
    });
    void drain();
  }

  return {
    items: [],
    running: false,
    dialogError: null,

    async chooseFiles() {
      let files;
      try {
        files = await requireWorkbench().import.chooseFiles();
      } catch (error) {
        set({ dialogError: errorMessage(error) });
        return;
      }
      set({ dialogError: null });
      enqueue(files.map((f) => ({ name: f.name, source: { kind: 'chosen', token: f.token } })));
    },

    addOpenedFiles(files) {
      enqueue(files.map((f) => ({ name: f.name, source: { kind: 'chosen', token: f.token } })));
    },

    addDroppedFiles(files) {
      enqueue(files.map((file) => ({ name: file.name, source: { kind: 'dropped', file } })));
    },

    addUrl(url) {
      enqueue([{ name: url, source: { kind: 'url', url } }]);
    },

    async cancel() {
      const running = get().items.find((i) => i.status === 'importing');
      set((s) => ({
        items: s.items.map((item) =>
          ACTIVE.has(item.status)
            ? { ...item, status: 'cancelled', message: 'Cancelled; nothing was imported.' }
            : item,
        ),
      }));
      if (running) {
        await requireWorkbench()
          .import.cancel({ requestId: running.requestId })
          .catch(() => undefined);
      }
    },

    retryWithPassword(requestId, password) {
      requeue(requestId, { password });
    },

    importAsNewVersion(requestId) {
      const item = get().items.find((i) => i.requestId === requestId);
      if (!item?.articleId) return;
      requeue(requestId, { asNewVersionOf: item.articleId, articleId: null });
    },

    clearFinished() {
      set((s) => ({ items: s.items.filter((i) => ACTIVE.has(i.status)) }));
    },
  };
});

/** Counts for the progress line: done / total and how each finished. */
export function summarizeBatch(items: readonly ImportItem[]) {
  const count = (status: ImportItemStatus) => items.filter((i) => i.status === status).length;
  const done = items.filter((i) => !ACTIVE.has(i.status)).length;
  return {
    total: items.length,
    done,
    imported: count('imported'),
    duplicate: count('duplicate'),
    failed: count('failed') + count('needs-password'),
    cancelled: count('cancelled'),
  };
}
