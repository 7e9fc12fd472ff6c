import { create } from 'zustand';
import type { ClaimPage } from '../../../shared/claims/claim-page';
import type {
  ClaimFilter,
  ClaimGroupBy,
  ClaimQuery,
  ClaimSort,
} from '../../../shared/claims/claim-query';
import type { ClaimRow } from '../../../shared/claims/claim-row';
import type { ClaimClass } from '../../../shared/domain/highlight';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';
import { useHighlightsStore } from './highlights-store';

/** Rows are fetched in pages of this many as the board scrolls. */
export const BOARD_PAGE_SIZE = 200;
/** The filter, sort and grouping last for the session (a reload keeps them, a restart not). */
const SESSION_KEY = 'margin.claims-board';

export interface BoardView {
  filter: ClaimFilter;
  sort: ClaimSort;
  groupBy: ClaimGroupBy;
}

type Summary = Omit<ClaimPage, 'rows'>;

/**
 * A re-class made on the board, undoable with Ctrl+Z there. Undo sets the class back and
 * nothing else: a note typed in the reader since then stays.
 */
interface BoardChange {
  articleId: string;
  id: string;
  claimClass: ClaimClass;
}

interface ClaimsBoardState extends BoardView {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  summary: Summary | null;
  /** Loaded rows by their index in the grouped result. */
  rows: Map<number, ClaimRow>;
  selectedIndex: number;
  undoStack: BoardChange[];
  setFilter(patch: Partial<ClaimFilter>): void;
  /** Replaces the whole filter (clicking a chart bar, clearing all). */
  replaceFilter(filter: ClaimFilter): void;
  setSort(sort: ClaimSort): void;
  setGroupBy(groupBy: ClaimGroupBy): void;
  /** Queries again from the top (after a change elsewhere). */
  refresh(): Promise<void>;
  /** Fetches the pages holding rows `[start, end)` that are not loaded yet. */
  ensureRows(start: number, end: number): void;
  select(index: number): void;
  step(direction: 1 | -1): void;
  selectedRow(): ClaimRow | null;
  reclass(row: ClaimRow, claimClass: ClaimClass): Promise<void>;
  undo(): Promise<void>;
}

function loadView(): BoardView {
  const fallback: BoardView = { filter: {}, sort: 'published-desc', groupBy: 'none' };
  try {
    const saved = sessionStorage.getItem(SESSION_KEY);
    return saved ? { ...fallback, ...(JSON.parse(saved) as Partial<BoardView>) } : fallback;
  } catch {
    return fallback;
  }
}

/** Drops empty facets, so chips and the query only carry what filters. */
function compact(filter: ClaimFilter): ClaimFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && !value.from && !value.to) continue;
    out[key] = value;
  }
  return out as ClaimFilter;
}

export const useClaimsBoardStore = create<ClaimsBoardState>()((set, get) => {
  /** Each query gets a number: answers to older queries are dropped. */
  let generation = 0;
  const loadingPages = new Set<number>();

  const query = (offset: number): ClaimQuery => {
    const { filter, sort, groupBy } = get();
    return { filter, sort, groupBy, offset, limit: BOARD_PAGE_SIZE };
  };

  function saveView() {
    const { filter, sort, groupBy } = get();
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ filter, sort, groupBy }));
  }

  async function fetchPage(page: number, current: number): Promise<void> {
    if (loadingPages.has(page)) return;
    loadingPages.add(page);
    try {
      const result = await requireWorkbench().claims.query(query(page * BOARD_PAGE_SIZE));
      if (current !== generation) return;
      const rows = new Map(get().rows);
      result.rows.forEach((row, i) => rows.set(page * BOARD_PAGE_SIZE + i, row));
      set({ rows });
    } catch (error) {
      if (current === generation) set({ status: 'error', error: errorMessage(error) });
    } finally {
      loadingPages.delete(page);
    }
  }

  function requery(keepSelection = false) {
    saveView();
    void get()
      .refresh()
      .then(() => {
        if (!keepSelection) set({ selectedIndex: 0 });
      });
  }

  return {
    ...loadView(),
    status: 'idle',
    error: null,
    summary: null,
    rows: new Map(),
    selectedIndex: 0,
    undoStack: [],

    setFilter(patch) {
      set((s) => ({ filter: compact({ ...s.filter, ...patch }) }));
      requery();
    },
    replaceFilter(filter) {
      set({ filter: compact(filter) });
      requery();
    },
    setSort(sort) {
      set({ sort });
      requery();
    },
    setGroupBy(groupBy) {
      set({ groupBy });
      requery();
    },

    async refresh() {
      const current = ++generation;
      loadingPages.clear();
      set((s) => ({ status: s.summary ? s.status : 'loading', error: null }));
      try {
        const { rows: first, ...summary } = await requireWorkbench().claims.query(query(0));
        if (current !== generation) return;
        const rows = new Map<number, ClaimRow>();
        first.forEach((row, i) => rows.set(i, row));
        set((s) => ({
          status: 'ready',
          summary,
          rows,
          selectedIndex: Math.min(s.selectedIndex, Math.max(0, summary.total - 1)),
        }));
      } catch (error) {
        if (current === generation) set({ status: 'error', error: errorMessage(error) });
      }
    },

    ensureRows(start, end) {
      const { rows, summary } = get();
      if (!summary) return;
      const last = Math.min(end, summary.total);
      for (let i = Math.max(0, start); i < last; i += 1) {
        if (rows.has(i)) continue;
        const page = Math.floor(i / BOARD_PAGE_SIZE);
        void fetchPage(page, generation);
        i = (page + 1) * BOARD_PAGE_SIZE - 1;
      }
    },

    select(index) {
      const total = get().summary?.total ?? 0;
      if (total === 0) return;
      set({ selectedIndex: Math.max(0, Math.min(total - 1, index)) });
    },
    step(direction) {
      get().select(get().selectedIndex + direction);
    },
    selectedRow() {
      return get().rows.get(get().selectedIndex) ?? null;
    },

    async reclass(row, claimClass) {
      if (row.claimClass === claimClass) return;
      await requireWorkbench().highlights.update({
        articleId: row.articleId,
        id: row.id,
        claimClass,
      });
      set((s) => ({
        undoStack: [
          ...s.undoStack,
          { articleId: row.articleId, id: row.id, claimClass: row.claimClass },
        ],
      }));
      await afterChange(row.articleId);
    },

    async undo() {
      const change = get().undoStack.at(-1);
      if (!change) return;
      set((s) => ({ undoStack: s.undoStack.slice(0, -1) }));
      await requireWorkbench().highlights.update(change);
      await afterChange(change.articleId);
    },
  };

  /** The board and, when that article is open, the reader's side panel show the change. */
  async function afterChange(articleId: string) {
    await get().refresh();
    const highlights = useHighlightsStore.getState();
    if (highlights.articleId === articleId) await highlights.refresh();
  }
});
