import { create } from 'zustand';
import type { UnsavedMemo } from '../../../shared/domain/durability';
import type { MemoDoc } from '../../../shared/domain/memo-doc';
import type {
  Memo,
  MemoHeader,
  MemoRevisionSummary,
  MemoStatus,
} from '../../../shared/domain/memo';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage, WorkbenchCallError } from '../lib/workbench-client';
import { useMemosStore } from './memos-store';

/** Autosave waits this long after the last keystroke (the issue allows up to 1 s). */
export const AUTOSAVE_DELAY_MS = 600;

export type MemoSaveState =
  | { status: 'saved'; at: string }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'failed'; message: string };

interface MemoSessionState {
  /**
   * The open memo: its fields as last saved, its title as typed, and, while no editor
   * shows it (another view is open) or a save failed, its newest body. A new editor
   * starts from `memo.doc`, so it never starts from older text than the analyst's.
   */
  memo: Memo | null;
  loading: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  save: MemoSaveState;
  /** Bumped each time a memo is loaded from main: its editor starts afresh. */
  bodyNonce: number;
  /**
   * Opens memo `id`. False, and the open memo stays, when the open one has changes that
   * could not be saved: switching would leave them behind.
   */
  load(id: string): Promise<boolean>;
  /** Where the body comes from: the open editor registers its document here. */
  attachBody(source: (() => MemoDoc) | null): void;
  /** The body or title changed: autosave after the delay (the last change within it wins). */
  touch(): void;
  /** Writes a queued body now (leaving the memo, closing the window, Ctrl+S, "Try now"). */
  flush(): Promise<void>;
  /**
   * The open memo as on screen when it holds changes not on disk yet (a save failed or is
   * still due): what "Save a copy elsewhere…" must include. Empty when all is saved.
   */
  unsaved(): UnsavedMemo[];
  /** Saves header fields; a logged change needs `reason`. Throws WorkbenchCallError. */
  saveHeader(header: MemoHeader, change?: { reason: string; claimIds: string[] }): Promise<void>;
  setTitle(title: string): void;
  setStatus(status: MemoStatus): Promise<void>;
  /**
   * A named revision now (Ctrl+S); flushes first so it holds what is on screen, and throws
   * (taking none) when that text cannot be saved.
   */
  snapshot(reason: 'manual' | 'before-restore', label?: string): Promise<MemoRevisionSummary>;
  /** Bumped when a revision was added, so an open revisions panel reloads. */
  revisionsNonce: number;
  /**
   * The last save was refused because the memo changed elsewhere (another program rewrote
   * its file: main kept that version and saved ours beside it as a conflict copy).
   */
  conflict: boolean;
  /**
   * Ends a conflict: `mine` saves the text on screen over the other version (which main
   * kept as a rolling copy, restorable from Backups); `theirs` shows the version on disk,
   * allowed only while the text on screen is what went into the conflict copy. False when
   * refused.
   */
  resolveConflict(choice: 'mine' | 'theirs'): Promise<boolean>;
}

/** A failed save is tried again after this long (the next keystroke also tries). */
const RETRY_MS = 5_000;

let timer: ReturnType<typeof setTimeout> | undefined;
/** Something changed since the last write started. */
let dirty = false;
/** The open editor's document; null while no editor shows the memo. */
let bodySource: (() => MemoDoc) | null = null;
/** The body main saved as the conflict copy (the first save a conflict refused). */
let conflictBody: string | null = null;
/** Every write goes through one chain, so each names the version the previous one made. */
let chain: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

/**
 * The open memo's saving: autosave of the body (debounced, one write at a time, each
 * naming the version it edits so a stale copy never overwrites a newer one), header and
 * status edits through the same queue, and revisions.
 */
export const useMemoSessionStore = create<MemoSessionState>()((set, get) => {
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void enqueue(writeBody), delay);
  };

  const writeBody = async (): Promise<void> => {
    const memo = get().memo;
    if (!memo || !dirty) return;
    const doc = bodySource?.() ?? memo.doc;
    const title = memo.title;
    dirty = false;
    set({ save: { status: 'saving' } });
    try {
      const saved = await requireWorkbench().memos.save({
        id: memo.id,
        baseVersion: memo.version,
        title,
        doc,
      });
      set((s) => ({
        // Text typed during the write is newer than `doc`: it stays (editor or memo.doc).
        memo: s.memo && {
          ...s.memo,
          version: saved.version,
          updatedAt: saved.updatedAt,
          doc: dirty ? s.memo.doc : doc,
        },
        save: dirty ? { status: 'pending' } : { status: 'saved', at: saved.updatedAt },
        revisionsNonce: saved.revision ? s.revisionsNonce + 1 : s.revisionsNonce,
      }));
      useMemosStore.getState().patchSummary(memo.id, saved.summary);
    } catch (error) {
      // Nothing the analyst typed is dropped: it stays in the editor (or in memo.doc when
      // no editor shows it), marked unsaved, and is tried again. Text typed during the
      // write is newer than `doc` and already there.
      const typedSince = dirty;
      dirty = true;
      if (!bodySource && !typedSince) set((s) => ({ memo: s.memo && { ...s.memo, doc } }));
      const code = error instanceof WorkbenchCallError ? error.code : null;
      if (code === 'CONFLICT' && !get().conflict) conflictBody = JSON.stringify(doc);
      set({
        save: { status: 'failed', message: errorMessage(error) },
        conflict: code === 'CONFLICT',
      });
      // A newer version elsewhere or a read-only library will not change by waiting.
      if (code !== 'CONFLICT' && code !== 'STORE_READ_ONLY') schedule(RETRY_MS);
    }
  };

  /** Keeps what main returned for the memo's fields, and the title and body as typed. */
  const mergeSaved = (updated: Memo) =>
    set((s) => ({
      memo: s.memo && { ...updated, title: s.memo.title, doc: s.memo.doc },
      save:
        dirty || s.save.status === 'failed' ? s.save : { status: 'saved', at: updated.updatedAt },
    }));

  return {
    memo: null,
    loading: 'idle',
    error: null,
    save: { status: 'saved', at: '' },
    bodyNonce: 0,
    revisionsNonce: 0,
    conflict: false,
    async resolveConflict(choice) {
      const memo = get().memo;
      if (!memo || !get().conflict) return false;
      clearTimeout(timer);
      await chain;
      const onScreen = JSON.stringify(bodySource?.() ?? memo.doc);
      if (choice === 'theirs' && onScreen !== conflictBody) return false;
      const disk = await requireWorkbench().memos.get({ id: memo.id });
      conflictBody = null;
      if (choice === 'theirs') {
        dirty = false;
        set((s) => ({
          memo: disk,
          conflict: false,
          save: { status: 'saved', at: disk.updatedAt },
          bodyNonce: s.bodyNonce + 1,
        }));
        return true;
      }
      // Ours, on top of the version on disk: the next save names that version.
      dirty = true;
      set((s) => ({
        memo: s.memo && { ...disk, title: s.memo.title, doc: bodySource?.() ?? s.memo.doc },
        conflict: false,
      }));
      await enqueue(writeBody);
      return get().save.status !== 'failed';
    },
    async load(id) {
      await get().flush();
      const open = get().memo;
      // Unsaved changes stay where they are: the same memo keeps its local copy, and
      // another memo waits until they are saved.
      if (dirty && open) {
        if (open.id === id) set({ loading: 'ready' });
        return open.id === id;
      }
      set({ loading: 'loading', error: null });
      try {
        const memo = await requireWorkbench().memos.get({ id });
        // Typed into this memo while it was being read: the typed text is newer.
        if (dirty && get().memo?.id === id) {
          set({ loading: 'ready' });
          return true;
        }
        set((s) => ({
          memo,
          loading: 'ready',
          save: { status: 'saved', at: memo.updatedAt },
          conflict: false,
          bodyNonce: s.bodyNonce + 1,
        }));
      } catch (error) {
        set({ memo: null, loading: 'error', error: errorMessage(error) });
      }
      return true;
    },
    attachBody(source) {
      // A closing editor leaves its document with the memo: the write still due sends it,
      // and the next editor starts from it.
      if (!source && bodySource && dirty) {
        const doc = bodySource();
        set((s) => ({ memo: s.memo && { ...s.memo, doc } }));
      }
      bodySource = source;
    },
    touch() {
      dirty = true;
      // Once per burst of typing, not per keystroke: the indicator need not re-render.
      if (get().save.status !== 'pending') set({ save: { status: 'pending' } });
      schedule(AUTOSAVE_DELAY_MS);
    },
    async flush() {
      clearTimeout(timer);
      if (dirty) await enqueue(writeBody);
      else await chain;
    },
    unsaved() {
      const { memo, save } = get();
      if (!memo || (!dirty && save.status !== 'failed' && save.status !== 'saving')) return [];
      const doc = bodySource?.() ?? memo.doc;
      return [{ id: memo.id, title: memo.title.slice(0, 500), doc }];
    },
    setTitle(title) {
      const memo = get().memo;
      if (!memo) return;
      set({ memo: { ...memo, title } });
      get().touch();
    },
    async saveHeader(header, change) {
      await enqueue(async () => {
        const memo = get().memo!;
        const updated = await requireWorkbench().memos.updateHeader({
          id: memo.id,
          baseVersion: memo.version,
          title: memo.title,
          header,
          ...(change && { reason: change.reason, claimIds: change.claimIds }),
        });
        mergeSaved(updated);
        useMemosStore.getState().patchSummary(memo.id, {
          title: updated.title,
          version: updated.version,
          updatedAt: updated.updatedAt,
          company: header.company,
          ticker: header.ticker,
          recommendation: header.recommendation,
          conviction: header.conviction,
          priceTarget: header.priceTarget,
        });
      });
    },
    async setStatus(status) {
      await enqueue(async () => {
        const memo = get().memo!;
        const updated = await requireWorkbench().memos.setStatus({
          id: memo.id,
          baseVersion: memo.version,
          status,
        });
        mergeSaved(updated);
        useMemosStore.getState().patchSummary(memo.id, {
          status,
          version: updated.version,
          updatedAt: updated.updatedAt,
        });
      });
    },
    async snapshot(reason, label = '') {
      await get().flush();
      const memo = get().memo;
      if (!memo) throw new WorkbenchCallError('NOT_FOUND', 'No memo is open.');
      const save = get().save;
      if (dirty) {
        const why = save.status === 'failed' ? save.message : 'it is still being saved';
        throw new WorkbenchCallError(
          'STORE_WRITE_FAILED',
          `The memo's latest text is not saved (${why}), so no revision was taken.`,
        );
      }
      const revision = await enqueue(() =>
        requireWorkbench().memos.snapshot({ id: memo.id, reason, label }),
      );
      set((s) => ({ revisionsNonce: s.revisionsNonce + 1 }));
      return revision;
    },
  };
});

// Closing the window or reloading writes what is queued: the call leaves before the page goes.
window.addEventListener('pagehide', () => void useMemoSessionStore.getState().flush());
