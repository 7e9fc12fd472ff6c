import type { DragEvent } from 'react';

/** The drag type of a claim dragged from the memo's claims panel into its text. */
export const CLAIM_MIME = 'application/x-margin-claim';

export interface DraggedClaim {
  highlightId: string;
  articleId: string;
}

/** Starts dragging a claim: the memo editor cites it where it is dropped. */
export function startClaimDrag(event: DragEvent, claim: DraggedClaim): void {
  event.dataTransfer.setData(CLAIM_MIME, JSON.stringify(claim));
  event.dataTransfer.effectAllowed = 'copy';
}

/** The claim being dropped, or null for anything else (text, files, a malformed payload). */
export function readDraggedClaim(data: DataTransfer | null): DraggedClaim | null {
  const raw = data?.getData(CLAIM_MIME);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<DraggedClaim>;
    return typeof parsed.highlightId === 'string' && typeof parsed.articleId === 'string'
      ? { highlightId: parsed.highlightId, articleId: parsed.articleId }
      : null;
  } catch {
    return null;
  }
}
