import type { Tag } from '../domain/codebook';
import type { ClaimPage } from './claim-page';
import type { ClaimQuery } from './claim-query';
import type { ClaimRow } from './claim-row';
import { ClaimsBoard } from './claims-board';

/**
 * Answers one query over `rows` (rows of one article in document order). Pure: it indexes
 * the rows for this call only, O(n log n); to answer many queries over the same claims,
 * keep a ClaimsBoard, which indexes once and is updated in place.
 */
export function queryClaims(
  rows: readonly ClaimRow[],
  query: ClaimQuery,
  codebook: readonly Tag[],
): ClaimPage {
  return new ClaimsBoard(rows, codebook).query(query);
}
