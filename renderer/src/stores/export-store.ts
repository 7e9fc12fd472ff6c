import { create } from 'zustand';
import { useArticlesStore } from './articles-store';
import { useClaimsBoardStore } from './claims-board-store';
import { useMemosStore } from './memos-store';
import { useUiStore } from './ui-store';

/** What the export dialog is exporting. */
export type ExportSubject =
  { kind: 'memo'; memoId: string } | { kind: 'article'; articleId: string } | { kind: 'claims' };

interface ExportState {
  subject: ExportSubject | null;
  open(subject: ExportSubject): void;
  /** Exports what the analyst is looking at: the open memo, the open article or the board. */
  openForView(): boolean;
  close(): void;
}

export const useExportStore = create<ExportState>()((set) => ({
  subject: null,
  open: (subject) => set({ subject }),
  openForView() {
    const subject = subjectForView();
    if (subject) set({ subject });
    return subject !== null;
  },
  close: () => set({ subject: null }),
}));

/** The export that fits the current view, or null when there is nothing to export there. */
export function subjectForView(): ExportSubject | null {
  const view = useUiStore.getState().view;
  if (view === 'memos') {
    const memoId = useMemosStore.getState().openId;
    return memoId ? { kind: 'memo', memoId } : null;
  }
  if (view === 'claims') {
    const claims = useClaimsBoardStore.getState().summary?.claimCount ?? 0;
    return claims > 0 ? { kind: 'claims' } : null;
  }
  if (view === 'library') {
    const open = useArticlesStore.getState().open;
    return open.status === 'ready' ? { kind: 'article', articleId: open.article.id } : null;
  }
  return null;
}
