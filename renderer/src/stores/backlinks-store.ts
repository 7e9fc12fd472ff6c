import { create } from 'zustand';
import type { MemoBacklink } from '../../../shared/domain/memo';
import { requireWorkbench } from '../lib/require-workbench';

interface BacklinksState {
  /** Memos citing each claim asked about; an empty list when none does. */
  byClaim: ReadonlyMap<string, readonly MemoBacklink[]>;
  load(claimIds: readonly string[]): Promise<void>;
  /** Forgets everything (a memo gained or lost citations). */
  invalidate(): void;
}

const NONE: readonly MemoBacklink[] = [];
/** Ids asked about and not answered yet: a panel and its cards ask at once. */
const asking = new Set<string>();

/** "Cited in": the memos that cite a claim, for the reader's side panel and the board. */
export const useBacklinksStore = create<BacklinksState>()((set) => ({
  byClaim: new Map(),
  async load(claimIds) {
    const ids = claimIds.filter((id) => !asking.has(id));
    if (ids.length === 0) return;
    for (const id of ids) asking.add(id);
    try {
      const found = await requireWorkbench().memos.backlinks({ highlightIds: ids });
      set((s) => {
        const byClaim = new Map(s.byClaim);
        for (const id of ids) byClaim.set(id, found[id] ?? NONE);
        return { byClaim };
      });
    } catch {
      // Backlinks are a convenience: without them the claim still shows.
    } finally {
      for (const id of ids) asking.delete(id);
    }
  },
  invalidate: () => set({ byClaim: new Map() }),
}));
