import { create } from 'zustand';
import type { AnchoredHighlight, ClaimClass, Highlight } from '../../../shared/domain/highlight';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

export type Editable = Pick<Highlight, 'claimClass' | 'tags' | 'note' | 'paraphrase'>;
type Span = { start: number; end: number };

/**
 * One undoable change, with what it takes to reverse it and to do it again. Each names
 * its article, so a change queued before the analyst opened another article still lands
 * on the article it was made on.
 */
type Change =
  | { kind: 'create'; highlight: Highlight }
  | { kind: 'delete'; highlight: Highlight }
  | {
      kind: 'update';
      articleId: string;
      id: string;
      before: Partial<Editable>;
      after: Partial<Editable>;
    }
  | { kind: 'reattach'; before: Highlight; span: Span };

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'failed'; message: string };

/** What the panel's editor is open on: a highlight, or a selection not highlighted yet. */
export type Editing =
  | { kind: 'highlight'; id: string; focus: EditorField }
  | { kind: 'draft'; articleId: string; span: Span; focus: EditorField };
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
  /** The open editor holds typing not saved yet: it is not replaced behind the analyst's back. */
  editorDirty: boolean;
  /** Bumped when the open editor should take the focus back (another edit was refused). */
  editorFocusRequest: number;
  save: SaveState;
  /** Bumped when the reader should scroll the selected highlight into view. */
  revealRequest: number;
  /** The orphan waiting for the analyst to select its new words, if any. */
  reattachingId: string | null;
  undoStack: Change[];
  redoStack: Change[];
  load(articleId: string): Promise<void>;
  /** Lists the article's highlights again, keeping the editor and the undo history. */
  refresh(): Promise<void>;
  select(id: string | null, options?: { reveal?: boolean }): void;
  /** Selects the next (or previous) highlight that passes the filter, and reveals it. */
  step(direction: 1 | -1): void;
  setFilter(filter: ClassFilter): void;
  /** Opens (or, with null, closes) the editor; refused while unsaved typing is open. */
  edit(editing: Editing | null, options?: { discard?: boolean }): boolean;
  setEditorDirty(dirty: boolean): void;
  create(
    articleId: string,
    span: Span,
    claimClass: ClaimClass,
    extra?: Partial<Editable>,
  ): Promise<boolean>;
  /** Changes fields of `highlight` (the version the change was made on). */
  update(highlight: Highlight, after: Partial<Editable>): Promise<boolean>;
  remove(highlight: Highlight): Promise<boolean>;
  startReattach(id: string | null): void;
  reattach(highlight: Highlight, span: Span): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** The highlight with this id in the open article, if any. */
  find(id: string | null): Highlight | undefined;
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

const articleOf = (change: Change) =>
  change.kind === 'update'
    ? change.articleId
    : change.kind === 'reattach'
      ? change.before.articleId
      : change.highlight.articleId;

/**
 * The open article's highlights. Changes run one after another (an undo right after a
 * create waits for it), each is on disk before the state says "saved", and changes to
 * highlights are undoable (per article: the history starts afresh with each article).
 */
export const useHighlightsStore = create<HighlightsState>()((set, get) => {
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * Runs `task` after the changes before it and reports saving, saved or the failure.
   * The task calls main with the article it was given; it touches the panel's state only
   * while that article is still the open one (see `onOpen`).
   */
  function run(task: () => Promise<void>): Promise<boolean> {
    const result = queue.then(async () => {
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

  /** Applies `update` to the state only if `articleId` is still the open article. */
  const onOpen = (articleId: string, update: () => void) => {
    if (get().articleId === articleId) update();
  };
  const put = (item: AnchoredHighlight) =>
    onOpen(item.highlight.articleId, () =>
      set((s) => ({
        items: ordered([...s.items.filter((i) => i.highlight.id !== item.highlight.id), item]),
      })),
    );
  const drop = (articleId: string, id: string) =>
    onOpen(articleId, () =>
      set((s) => ({
        items: s.items.filter((i) => i.highlight.id !== id),
        selectedId: s.selectedId === id ? null : s.selectedId,
        editing: s.editing?.kind === 'highlight' && s.editing.id === id ? null : s.editing,
      })),
    );
  const selectIfOpen = (articleId: string, id: string) =>
    onOpen(articleId, () => set({ selectedId: id }));

  const api = () => requireWorkbench().highlights;

  /** Applies a change to main and to the state; `direction` says which way it runs. */
  async function apply(change: Change, direction: 'do' | 'undo'): Promise<void> {
    const forward = direction === 'do';
    const articleId = articleOf(change);
    switch (change.kind) {
      case 'create':
      case 'delete': {
        const { id, updatedAt } = change.highlight;
        const adds = (change.kind === 'create') === forward;
        if (adds) {
          put(await api().restore({ articleId, id, updatedAt }));
          selectIfOpen(articleId, id);
        } else {
          await api().delete({ articleId, id });
          drop(articleId, id);
        }
        return;
      }
      case 'update': {
        const fields = forward ? change.after : change.before;
        put(await api().update({ articleId, id: change.id, ...fields }));
        selectIfOpen(articleId, change.id);
        return;
      }
      case 'reattach': {
        const { before, span } = change;
        put(
          forward
            ? await api().reattach({ articleId, id: before.id, ...span })
            : // Back to the old selectors exactly: main puts back its copy of that version.
              await api().restore({ articleId, id: before.id, updatedAt: before.updatedAt }),
        );
        selectIfOpen(articleId, before.id);
      }
    }
  }

  function record(change: Change) {
    onOpen(articleOf(change), () =>
      set((s) => ({ undoStack: [...s.undoStack.slice(-199), change], redoStack: [] })),
    );
  }

  /** Takes the top change off one stack, applies it, and puts it on the other if it worked. */
  function replay(from: 'undoStack' | 'redoStack'): Promise<void> {
    return run(async () => {
      const change = get()[from].at(-1);
      if (!change) return;
      // Off the stack first: a change that cannot be replayed must not block the ones below.
      set((s) => ({ [from]: s[from].slice(0, -1) }) as Partial<HighlightsState>);
      await apply(change, from === 'undoStack' ? 'undo' : 'do');
      const to = from === 'undoStack' ? 'redoStack' : 'undoStack';
      onOpen(articleOf(change), () =>
        set((s) => ({ [to]: [...s[to], change] }) as Partial<HighlightsState>),
      );
    }).then(() => undefined);
  }

  async function list(articleId: string): Promise<AnchoredHighlight[]> {
    return ordered(await requireWorkbench().highlights.list({ articleId }));
  }

  return {
    articleId: null,
    items: [],
    status: 'idle',
    loadError: null,
    selectedId: null,
    filter: 'all',
    editing: null,
    editorDirty: false,
    editorFocusRequest: 0,
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
        editorDirty: false,
        reattachingId: null,
        save: { status: 'idle' },
        undoStack: [],
        redoStack: [],
      });
      try {
        const items = await list(id);
        onOpen(id, () => set({ items, status: 'ready' }));
      } catch (error) {
        onOpen(id, () => set({ status: 'error', loadError: errorMessage(error) }));
      }
    },

    async refresh() {
      const id = get().articleId;
      if (!id) return;
      try {
        const items = await list(id);
        onOpen(id, () => set({ items }));
      } catch (error) {
        set({ save: { status: 'failed', message: errorMessage(error) } });
      }
    },

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

    edit(editing, options) {
      if (get().editorDirty && !options?.discard) {
        set((s) => ({ editorFocusRequest: s.editorFocusRequest + 1 }));
        return false;
      }
      set({ editing, editorDirty: false });
      return true;
    },

    setEditorDirty: (dirty) => set({ editorDirty: dirty }),

    find: (id) => get().items.find((i) => i.highlight.id === id)?.highlight,

    create(articleId, span, claimClass, extra = {}) {
      // Keys pressed before main answers must not act on the previously selected highlight.
      set({ selectedId: null });
      return run(async () => {
        const item = await api().create({ articleId, ...span, claimClass, ...extra });
        put(item);
        selectIfOpen(articleId, item.highlight.id);
        record({ kind: 'create', highlight: item.highlight });
      });
    },

    update(highlight, after) {
      const keys = (Object.keys(after) as Array<keyof Editable>).filter(
        (k) => JSON.stringify(after[k]) !== JSON.stringify(highlight[k]),
      );
      if (keys.length === 0) return Promise.resolve(true); // nothing changed: no write, no undo step
      const change: Change = {
        kind: 'update',
        articleId: highlight.articleId,
        id: highlight.id,
        before: pick(highlight, keys),
        after: Object.fromEntries(keys.map((k) => [k, after[k]])) as Partial<Editable>,
      };
      return run(async () => {
        await apply(change, 'do');
        record(change);
      });
    },

    remove(highlight) {
      const { articleId, id } = highlight;
      return run(async () => {
        const deleted = await api().delete({ articleId, id });
        drop(articleId, id);
        record({ kind: 'delete', highlight: deleted });
      });
    },

    startReattach: (id) => set({ reattachingId: id, selectedId: id }),

    reattach(highlight, span) {
      const change: Change = { kind: 'reattach', before: highlight, span };
      return run(async () => {
        await apply(change, 'do');
        onOpen(highlight.articleId, () => set({ reattachingId: null }));
        record(change);
      });
    },

    undo: () => replay('undoStack'),
    redo: () => replay('redoStack'),
  };
});
