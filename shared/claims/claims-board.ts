import type { Tag } from '../domain/codebook';
import type { EntityId } from '../domain/primitives';
import type { ClaimArticleMeta } from './claim-article-meta';
import { ClaimIndex } from './claim-index';
import type { ClaimPage } from './claim-page';
import type { ClaimQuery } from './claim-query';
import type { ClaimRow } from './claim-row';
import { collectClaims } from './collect-claims';
import { compileClaimFilter } from './compile-claim-filter';
import { countByArticle } from './count-by-article';
import { groupClaims } from './group-claims';
import { ReusableBuffer } from './reusable-buffer';
import { summarizeClaims } from './summarize-claims';

/**
 * The claims board of the main process: every claim of the library, indexed once, queried
 * many times, and updated in place as highlights and articles change.
 *
 * - `query`: a few linear passes over typed arrays, no sorting (a few ms at 100,000
 *   claims; see ClaimIndex and FlatViews for how).
 * - `upsertArticleClaims`, `removeArticle`, `updateArticleMeta`: binary searches and
 *   splices, well under a millisecond; the next query then rebuilds its flat order in one
 *   pass (not after an edit of class, tags or note only, which is written in place).
 *   After any sequence of updates, a query answers exactly as a board built afresh from
 *   the same rows would (the property tests check this).
 * - Building: O(n log n), about half a second for 100,000 claims.
 *
 * Rows of one article must be given in document order (their order is the `article` sort's
 * position) and carry the same article fields. Queries are trusted here: parse them with
 * the ClaimQuery schema at the IPC boundary. Returned rows are the board's own objects.
 */
export class ClaimsBoard {
  private readonly index: ClaimIndex;
  private codebook: readonly Tag[];
  // Working arrays reused by every query (see ReusableBuffer).
  private readonly buffers = {
    ordered: new ReusableBuffer((size) => new Int32Array(size)),
    mark: new ReusableBuffer((size) => new Uint8Array(size)),
    grouped: new ReusableBuffer((size) => new Int32Array(size)),
    perArticle: new ReusableBuffer((size) => new Int32Array(size)),
  };

  constructor(rows: readonly ClaimRow[], codebook: readonly Tag[]) {
    this.index = new ClaimIndex(rows);
    this.codebook = codebook;
  }

  /** Claims on the board. */
  get claimCount(): number {
    return this.index.rowCount;
  }

  query(query: ClaimQuery): ClaimPage {
    const plan = compileClaimFilter(this.index, query.filter, this.codebook);
    const { index, buffers } = this;
    const ordered = collectClaims(index, plan, query.sort, buffers);
    const perArticle = countByArticle(index, ordered, buffers.perArticle);
    const { slots, groups } = groupClaims(
      index,
      ordered,
      perArticle,
      query.groupBy,
      buffers.grouped,
    );
    const page = slots.subarray(query.offset, query.offset + query.limit);
    return {
      total: slots.length,
      claimCount: ordered.length,
      groups,
      rows: Array.from(page, (slot) => index.columns.rows[slot]!),
      overview: summarizeClaims(index, perArticle),
    };
  }

  /** Replaces all claims of one article (after an edit, a re-anchor or an import); [] removes it. */
  upsertArticleClaims(articleId: EntityId, rows: readonly ClaimRow[]): void {
    this.index.upsertArticle(articleId, rows);
  }

  removeArticle(articleId: EntityId): void {
    this.index.removeArticle(articleId);
  }

  /** After the analyst corrects an article's metadata; its claims' rows follow. */
  updateArticleMeta(articleId: EntityId, meta: ClaimArticleMeta): void {
    this.index.updateArticleMeta(articleId, meta);
  }

  /** Tag filters follow the codebook's hierarchy as it is at query time. */
  setCodebook(codebook: readonly Tag[]): void {
    this.codebook = codebook;
  }
}
