import { create } from 'zustand';
import type { MemoDoc } from '../../../shared/domain/memo-doc';
import type {
  Memo,
  MemoHeader,
  MemoRevisionSummary,
  MemoStatus,
} from '../../../shared/domain/memo';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';
import { useMemosStore } from './memos-store';

/** Autosave waits this long after the last keystroke (the issue allows up to 1 s). */
export const AUTOSAVE_DELAY_MS = 600;

export type MemoSaveState =
  | { status: 'saved'; at: string }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'failed'; message: string };

interface MemoSessionState {
  /** The open memo as last saved (its body lives in the editor). */
  memo: Memo | null;
  loading: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  save: MemoSaveState;
  /** Bumped when main replaced the body (a citation added from the reader, a reload). */
  bodyNonce: number;
  load(id: string): Promise<void>;
  /** Where the body comes from: the open editor registers its document here. */
  attachBody(source: (() => MemoDoc) | null): void;
  /** The body or title changed: autosave after the delay (the last change within it wins). */
  touch(): void;
  /** Writes a queued body now (leaving the memo, closing the window, Ctrl+S). */
  flush(): Promise<void>;
  /** Saves header fields; a logged change needs `reason`. Throws WorkbenchCallError. */
  saveHeader(header: MemoHeader, change?: { reason: string; claimIds: string[] }): Promise<void>;
  setTitle(title: string): void;
  setStatus(status: MemoStatus): Promise<void>;
  /** A named revision now (Ctrl+S); flushes first so it holds what is on screen. */
  snapshot(reason: 'manual' | 'before-restore', label?: string): Promise<MemoRevisionSummary>;
  /** Bumped when a revision was added, so an open revisions panel reloads. */
  revisionsNonce: number;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Something changed since the last write started. */
let dirty = false;
let bodySource: (() => MemoDoc) | null = null;
/** The body of a write that failed, kept until one succeeds (the editor may be gone by then). */
let unsavedDoc: MemoDoc | null = null;
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
  const writeBody = async (): Promise<void> => {
    const memo = get().memo;
    if (!memo || !dirty) return;
    const doc = bodySource?.() ?? unsavedDoc ?? memo.doc;
    const title = memo.title;
    dirty = false;
    set({ save: { status: 'saving' } });
    try {
      const saved = await requireWorkbench().memos.save({
        id: memo.id,
        baseVersion: get().memo!.version,
        title,
        doc,
      });
      unsavedDoc = null;
      set((s) => ({
        memo: s.memo && { ...s.memo, version: saved.version, updatedAt: saved.updatedAt, doc },
        save: dirty ? { status: 'pending' } : { status: 'saved', at: saved.updatedAt },
        revisionsNonce: saved.revision ? s.revisionsNonce + 1 : s.revisionsNonce,
      }));
      useMemosStore.getState().patchSummary(memo.id, saved.summary);
    } catch (error) {
      // Kept for the next attempt: nothing the analyst typed is dropped.
      dirty = true;
      unsavedDoc = doc;
      set({ save: { status: 'failed', message: errorMessage(error) } });
    }
  };

  return {
    memo: null,
    loading: 'idle',
    error: null,
    save: { status: 'saved', at: '' },
    bodyNonce: 0,
    revisionsNonce: 0,
    async load(id) {
      await get().flush();
      set({ loading: 'loading', error: null });
      try {
        const memo = await requireWorkbench().memos.get({ id });
        set((s) => ({
          memo,
          loading: 'ready',
          save: { status: 'saved', at: memo.updatedAt },
          bodyNonce: s.bodyNonce + 1,
        }));
      } catch (error) {
        set({ memo: null, loading: 'error', error: errorMessage(error) });
      }
    },
    attachBody(source) {
      // A detached editor leaves its last document for the write still due.
      if (!source && bodySource && dirty) unsavedDoc = bodySource();
      bodySource = source;
    },
    touch() {
      dirty = true;
      // Once per burst of typing, not per keystroke: the indicator need not re-render.
      if (get().save.status !== 'pending') set({ save: { status: 'pending' } });
      clearTimeout(timer);
      timer = setTimeout(() => void enqueue(writeBody), AUTOSAVE_DELAY_MS);
    },
    async flush() {
      clearTimeout(timer);
      if (dirty) await enqueue(writeBody);
      else await chain;
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
        set((s) => ({
          memo: s.memo && { ...updated, doc: s.memo.doc },
          save: { status: 'saved', at: updated.updatedAt },
        }));
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
        set((s) => ({ memo: s.memo && { ...updated, doc: s.memo.doc } }));
        useMemosStore.getState().patchSummary(memo.id, {
          status,
          version: updated.version,
          updatedAt: updated.updatedAt,
        });
      });
    },
    async snapshot(reason, label = '') {
      await get().flush();
      const memo = get().memo!;
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
