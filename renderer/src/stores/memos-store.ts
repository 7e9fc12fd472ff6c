import { create } from 'zustand';
import type { Memo, MemoStatus, MemoSummary, NewMemoInput } from '../../../shared/domain/memo';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

export interface MemoListFilter {
  /** Matches the memo's ticker or company, case-insensitively. */
  company: string | null;
  status: MemoStatus | null;
}

interface MemosState {
  list: MemoSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  filter: MemoListFilter;
  /** The memo open in the editor. */
  openId: string | null;
  loadList(): Promise<void>;
  setFilter(filter: Partial<MemoListFilter>): void;
  open(id: string | null): void;
  /** Creates a memo from the template and opens it; throws WorkbenchCallError. */
  create(input?: NewMemoInput): Promise<Memo>;
  /** Updates one memo of the list after a save (the list stays sorted by last change). */
  patchSummary(id: string, patch: Partial<MemoSummary>): void;
}

const byUpdated = (a: MemoSummary, b: MemoSummary) => b.updatedAt.localeCompare(a.updatedAt);

/** The memo list and which memo is open. The open memo's content lives in its editor. */
export const useMemosStore = create<MemosState>()((set, get) => ({
  list: [],
  status: 'idle',
  error: null,
  filter: { company: null, status: null },
  openId: null,
  async loadList() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      set({ list: await requireWorkbench().memos.list(), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  setFilter: (filter) => set((s) => ({ filter: { ...s.filter, ...filter } })),
  open: (id) => set({ openId: id }),
  async create(input = {}) {
    const memo = await requireWorkbench().memos.create(input);
    await get().loadList();
    set({ openId: memo.id });
    return memo;
  },
  patchSummary: (id, patch) =>
    set((s) => ({
      list: s.list.map((m) => (m.id === id ? { ...m, ...patch } : m)).sort(byUpdated),
    })),
}));

/** The memos the filter keeps. */
export function filterMemos(list: readonly MemoSummary[], filter: MemoListFilter): MemoSummary[] {
  const company = filter.company?.trim().toLowerCase() ?? '';
  return list.filter(
    (m) =>
      (filter.status === null || m.status === filter.status) &&
      (company === '' ||
        m.ticker?.toLowerCase() === company ||
        m.company.toLowerCase().includes(company)),
  );
}
