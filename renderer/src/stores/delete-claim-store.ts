import { create } from 'zustand';
import type { Highlight } from '../../../shared/domain/highlight';
import { requireWorkbench } from '../lib/require-workbench';
import { useClaimsBoardStore } from './claims-board-store';
import { useHighlightsStore } from './highlights-store';
import { useLinkingStore } from './linking-store';

interface PendingDelete {
  highlight: Highlight;
  supporting: number;
  contradicting: number;
  /** Theses this claim is linked to. */
  linkedTo: number;
}

interface DeleteClaimState {
  pending: PendingDelete | null;
  /**
   * Deletes the highlight, first asking when links hang on it (they go with it; undo
   * brings both back).
   */
  request(highlight: Highlight): Promise<void>;
  confirm(): Promise<void>;
  cancel(): void;
}

export const useDeleteClaimStore = create<DeleteClaimState>()((set, get) => {
  async function remove(highlight: Highlight) {
    const done = await useHighlightsStore.getState().remove(highlight);
    if (!done) return;
    useLinkingStore.setState((s) => ({ version: s.version + 1 }));
    if (useClaimsBoardStore.getState().summary) await useClaimsBoardStore.getState().refresh();
  }

  return {
    pending: null,
    async request(highlight) {
      let incoming: Array<{ kind: string }> = [];
      try {
        incoming = (await requireWorkbench().claims.relations(highlight)).from;
      } catch {
        // Not in the index yet (just made): it has no links from other claims either.
      }
      if (incoming.length === 0 && highlight.links.length === 0) return remove(highlight);
      const supporting = incoming.filter((r) => r.kind === 'supports').length;
      set({
        pending: {
          highlight,
          supporting,
          contradicting: incoming.length - supporting,
          linkedTo: highlight.links.length,
        },
      });
    },
    async confirm() {
      const pending = get().pending;
      set({ pending: null });
      if (pending) await remove(pending.highlight);
    },
    cancel: () => set({ pending: null }),
  };
});
