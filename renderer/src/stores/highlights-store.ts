import { create } from 'zustand';
import type {
  AnchoredHighlight,
  ClaimClass,
  Highlight,
  HighlightChanges,
} from '../../../shared/domain/highlight';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

type Editable = Pick<Highlight, 'claimClass' | 'tags' | 'note' | 'paraphrase'>;
type Span = { start: number; end: number };

/** One undoable change, with what it takes to reverse it and to do it again. */
type Change =
  | { kind: 'create'; highlight: Highlight }
  | { kind: 'delete'; highlight: Highlight }
  | { kind: 'update'; id: string; before: Partial<Editable>; after: Partial<Editable> }
  | { kind: 'reattach'; before: Highlight; span: Span };

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

/** What the panel's editor is open on: a highlight, or a selection not highlighted yet. */
export type Editing =
  | { kind: 'highlight'; id: string; focus: EditorField }
  | { kind: 'draft'; span: Span; focus: EditorField };
export type EditorField = 'class' | 'tags' | 'note' | 'paraphrase';

export type ClassFilter = ClaimClass | 'all';

interface HighlightsState {
  articleId: string | null;
  /** Anchored highlights in document order, then orphans in creation order. */
  items: AnchoredHighlight[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  selectedId: string | null;
  filter: ClassFilter;
  editing: Editing | null;
  save: SaveState;
  /** Bumped when the reader should scroll the selected highlight into view. */
  revealRequest: number;
  /** The orphan waiting for the analyst to select its new words, if any. */
  reattachingId: string | null;
  undoStack: Change[];
  redoStack: Change[];
  load(articleId: string): Promise<void>;
  clear(): void;
  select(id: string | null, options?: { reveal?: boolean }): void;
  /** Selects the next (or previous) highlight that passes the filter, and reveals it. */
  step(direction: 1 | -1): void;
  setFilter(filter: ClassFilter): void;
  edit(editing: Editing | null): void;
  create(span: Span, claimClass: ClaimClass, extra?: Partial<Editable>): Promise<boolean>;
  update(id: string, after: Partial<Editable>): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  startReattach(id: string | null): void;
  reattach(id: string, span: Span): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

const startOf = (item: AnchoredHighlight) => item.anchor?.start ?? Number.POSITIVE_INFINITY;

/** Document order; orphans (no anchor) last, oldest first. */
function ordered(items: AnchoredHighlight[]): AnchoredHighlight[] {
  return [...items].sort(
    (a, b) =>
      startOf(a) - startOf(b) ||
      (a.anchor?.end ?? 0) - (b.anchor?.end ?? 0) ||
      a.highlight.createdAt.localeCompare(b.highlight.createdAt),
  );
}

const pick = (h: Highlight, keys: ReadonlyArray<keyof Editable>): Partial<Editable> =>
  Object.fromEntries(keys.map((k) => [k, h[k]])) as Partial<Editable>;

/**
 * The open article's highlights. Changes run one after another (an undo right after a
 * create waits for it), each is on disk before the state says "saved", and every change
 * is undoable.
 */
export const useHighlightsStore = create<HighlightsState>()((set, get) => {
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after the changes before it; reports saving, saved or the failure. */
  function run(task: () => Promise<void>): Promise<boolean> {
    const articleId = get().articleId;
    const result = queue.then(async () => {
      if (get().articleId !== articleId) return false;
      set({ save: { status: 'saving' } });
      try {
        await task();
        set({ save: { status: 'saved' } });
        return true;
      } catch (error) {
        set({ save: { status: 'failed', message: errorMessage(error) } });
        return false;
      }
    });
    queue = result;
    return result;
  }

  const put = (item: AnchoredHighlight) =>
    set((s) => ({
      items: ordered([...s.items.filter((i) => i.highlight.id !== item.highlight.id), item]),
    }));
  const drop = (id: string) =>
    set((s) => ({
      items: s.items.filter((i) => i.highlight.id !== id),
      selectedId: s.selectedId === id ? null : s.selectedId,
      editing: s.editing?.kind === 'highlight' && s.editing.id === id ? null : s.editing,
    }));

  const api = () => requireWorkbench().highlights;
  const articleId = () => get().articleId!;

  /** Applies a change to main and to the state; `direction` says which way it runs. */
  async function apply(change: Change, direction: 'do' | 'undo'): Promise<void> {
    const forward = direction === 'do';
    switch (change.kind) {
      case 'create':
      case 'delete': {
        const adds = (change.kind === 'create') === forward;
        if (adds) {
          const { id, updatedAt } = change.highlight;
          put(await api().restore({ articleId: articleId(), id, updatedAt }));
          set({ selectedId: change.highlight.id });
        } else {
          await api().delete({ articleId: articleId(), id: change.highlight.id });
          drop(change.highlight.id);
        }
        return;
      }
      case 'update': {
        const fields = forward ? change.after : change.before;
        const input: HighlightChanges = { articleId: articleId(), id: change.id, ...fields };
        put(await api().update(input));
        set({ selectedId: change.id });
        return;
      }
      case 'reattach': {
        const { before, span } = change;
        if (forward) {
          put(await api().reattach({ articleId: articleId(), id: before.id, ...span }));
        } else {
          // Back to the old selectors exactly: main puts back its copy of the earlier version.
          const { id, updatedAt } = before;
          put(await api().restore({ articleId: articleId(), id, updatedAt }));
        }
        set({ selectedId: before.id });
      }
    }
  }

  function record(change: Change) {
    set((s) => ({ undoStack: [...s.undoStack.slice(-199), change], redoStack: [] }));
  }

  const find = (id: string) => get().items.find((i) => i.highlight.id === id)?.highlight;

  return {
    articleId: null,
    items: [],
    status: 'idle',
    loadError: null,
    selectedId: null,
    filter: 'all',
    editing: null,
    save: { status: 'idle' },
    revealRequest: 0,
    reattachingId: null,
    undoStack: [],
    redoStack: [],

    async load(id) {
      set({
        articleId: id,
        items: [],
        status: 'loading',
        loadError: null,
        selectedId: null,
        editing: null,
        reattachingId: null,
        save: { status: 'idle' },
        undoStack: [],
        redoStack: [],
      });
      try {
        const items = await requireWorkbench().highlights.list({ articleId: id });
        if (get().articleId === id) set({ items: ordered(items), status: 'ready' });
      } catch (error) {
        if (get().articleId === id) set({ status: 'error', loadError: errorMessage(error) });
      }
    },

    clear: () =>
      set({ articleId: null, items: [], status: 'idle', selectedId: null, editing: null }),

    select(id, options) {
      set((s) => ({
        selectedId: id,
        revealRequest: options?.reveal ? s.revealRequest + 1 : s.revealRequest,
      }));
    },

    step(direction) {
      const { items, selectedId, filter } = get();
      const visible = items.filter(
        (i) => i.anchor && (filter === 'all' || i.highlight.claimClass === filter),
      );
      if (visible.length === 0) return;
      const at = visible.findIndex((i) => i.highlight.id === selectedId);
      const next =
        at === -1
          ? direction === 1
            ? 0
            : visible.length - 1
          : Math.min(Math.max(at + direction, 0), visible.length - 1);
      get().select(visible[next]!.highlight.id, { reveal: true });
    },

    setFilter: (filter) => set({ filter }),
    edit: (editing) => set({ editing }),

    create(span, claimClass, extra = {}) {
      return run(async () => {
        const item = await api().create({ articleId: articleId(), ...span, claimClass, ...extra });
        put(item);
        set({ selectedId: item.highlight.id });
        record({ kind: 'create', highlight: item.highlight });
      });
    },

    update(id, after) {
      return run(async () => {
        const current = find(id);
        if (!current) return;
        const before = pick(current, Object.keys(after) as Array<keyof Editable>);
        const change: Change = { kind: 'update', id, before, after };
        await apply(change, 'do');
        record(change);
      });
    },

    remove(id) {
      return run(async () => {
        const deleted = await api().delete({ articleId: articleId(), id });
        drop(id);
        record({ kind: 'delete', highlight: deleted });
      });
    },

    startReattach: (id) => set({ reattachingId: id, selectedId: id }),

    reattach(id, span) {
      return run(async () => {
        const before = find(id);
        if (!before) return;
        const change: Change = { kind: 'reattach', before, span };
        await apply(change, 'do');
        set({ reattachingId: null });
        record(change);
      });
    },

    undo() {
      return run(async () => {
        const change = get().undoStack.at(-1);
        if (!change) return;
        await apply(change, 'undo');
        set((s) => ({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, change] }));
      }).then(() => undefined);
    },

    redo() {
      return run(async () => {
        const change = get().redoStack.at(-1);
        if (!change) return;
        // A redone create restores the same highlight (same id), not a new one.
        await apply(change, 'do');
        set((s) => ({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, change] }));
      }).then(() => undefined);
    },
  };
});
