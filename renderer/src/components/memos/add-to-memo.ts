import type { ClaimRow } from '../../../../shared/claims/claim-row';
import type { Highlight } from '../../../../shared/domain/highlight';
import { useAddToMemoStore } from '../../stores/add-to-memo-store';

/** "Add to memo…" (M) for a claim of the board. */
export function openAddToMemoForRow(row: ClaimRow): void {
  useAddToMemoStore.getState().open({
    highlightId: row.id,
    articleId: row.articleId,
    claimClass: row.claimClass,
    quote: row.quote,
    tickers: row.tickers,
  });
}

/** "Add to memo…" (M) for a highlight of the article open in the reader. */
export function openAddToMemo(highlight: Highlight, tickers: readonly string[]): void {
  useAddToMemoStore.getState().open({
    highlightId: highlight.id,
    articleId: highlight.articleId,
    claimClass: highlight.claimClass,
    quote: highlight.selectors.quote.exact,
    tickers,
  });
}
