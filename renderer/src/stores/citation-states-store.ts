import { create } from 'zustand';
import type { CitationState } from '../../../shared/domain/memo';
import { requireWorkbench } from '../lib/require-workbench';

interface CitationStatesState {
  /** What each cited highlight is now; a citation without an entry shows its snapshot. */
  byId: ReadonlyMap<string, CitationState>;
  /** Asks main about these highlights (the open memo's citations). */
  refresh(highlightIds: readonly string[]): Promise<void>;
}

/**
 * Whether the claims the open memo cites still exist, and their current words: an edited
 * highlight shows its new quote, a deleted or orphaned one its snapshot and a broken link.
 */
export const useCitationStatesStore = create<CitationStatesState>()((set) => ({
  byId: new Map(),
  async refresh(highlightIds) {
    if (highlightIds.length === 0) return;
    try {
      const states = await requireWorkbench().memos.citationStates({
        highlightIds: [...new Set(highlightIds)],
      });
      set((s) => {
        const byId = new Map(s.byId);
        for (const state of states) byId.set(state.highlightId, state);
        return { byId };
      });
    } catch {
      // The citations keep showing their snapshots; the next refresh tries again.
    }
  },
}));
