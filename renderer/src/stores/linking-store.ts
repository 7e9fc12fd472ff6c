import { notifications } from '@mantine/notifications';
import { createElement } from 'react';
import { create } from 'zustand';
import { UndoToast } from '../components/UndoToast';
import type { RelationKind } from '../../../shared/domain/claim-relation';
import type { HighlightRef } from '../../../shared/domain/highlight';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';
import { useClaimsBoardStore } from './claims-board-store';
import { useHighlightsStore } from './highlights-store';

interface LinkingState {
  /** The evidence or risk claim being linked to a thesis (the picker is open). */
  source: HighlightRef | null;
  /** Bumped whenever a link is made or removed: relation views load again. */
  version: number;
  start(source: HighlightRef): void;
  cancel(): void;
  link(target: HighlightRef, kind: RelationKind): Promise<boolean>;
  unlink(from: HighlightRef, linkId: string): Promise<boolean>;
}

const KIND_WORD: Record<RelationKind, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
};

/** Links between claims: made from the board or the reader's panel, undoable from the toast. */
export const useLinkingStore = create<LinkingState>()((set, get) => {
  async function changed(...articleIds: string[]) {
    set((s) => ({ version: s.version + 1 }));
    const highlights = useHighlightsStore.getState();
    if (highlights.articleId && articleIds.includes(highlights.articleId)) {
      await highlights.refresh();
    }
    const board = useClaimsBoardStore.getState();
    if (board.summary) await board.refresh();
  }

  function failed(error: unknown) {
    notifications.show({
      color: 'red',
      title: 'The link was not changed',
      message: errorMessage(error),
    });
    return false;
  }

  return {
    source: null,
    version: 0,
    start: (source) => set({ source }),
    cancel: () => set({ source: null }),

    async link(target, kind) {
      const from = get().source;
      if (!from) return false;
      try {
        // A link to the same thesis changes kind: undo then changes it back.
        const before = await requireWorkbench().claims.relations(from);
        const previous = before.to.find((r) => r.claim.id === target.id)?.kind ?? null;
        const made = await requireWorkbench().relations.create({ from, to: target, kind });
        set({ source: null });
        await changed(from.articleId, target.articleId);
        const id = `link-${made.id}`;
        notifications.show({
          id,
          autoClose: 8000,
          message: createElement(UndoToast, {
            text: `Linked: this claim ${KIND_WORD[kind]} the thesis.`,
            onUndo: () => {
              notifications.hide(id);
              const api = requireWorkbench();
              void (
                previous
                  ? api.relations.create({ from, to: target, kind: previous })
                  : api.relations.delete({ from, id: made.id })
              )
                .then(() => changed(from.articleId, target.articleId))
                .catch(failed);
            },
          }),
        });
        return true;
      } catch (error) {
        return failed(error);
      }
    },

    async unlink(from, linkId) {
      try {
        const removed = await requireWorkbench().relations.delete({ from, id: linkId });
        await changed(from.articleId, removed.to.articleId);
        const id = `unlink-${removed.id}`;
        notifications.show({
          id,
          autoClose: 8000,
          message: createElement(UndoToast, {
            text: 'Link removed.',
            // Undo makes the link again, with the same kind and target.
            onUndo: () => {
              notifications.hide(id);
              void requireWorkbench()
                .relations.create({ from, to: removed.to, kind: removed.kind })
                .then(() => changed(from.articleId, removed.to.articleId))
                .catch(failed);
            },
          }),
        });
        return true;
      } catch (error) {
        return failed(error);
      }
    },
  };
});
