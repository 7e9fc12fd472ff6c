import type { Article } from '../../../../shared/domain/article';
import type { ClaimRow } from '../../../../shared/claims/claim-row';
import type { Highlight } from '../../../../shared/domain/highlight';
import type { ClaimReferenceAttrs } from '../../../../shared/memo/claim-reference';
import { citationLocator } from '../../../../shared/memo/citation-locator';
import { AppError } from '../../errors/app-error';
import type { LibraryIndex } from '../library-index/library-index';

export interface CitationSnapshotsDeps {
  index: LibraryIndex;
  /** Recently read articles (their blocks give the locator). */
  articleText: (id: string) => Promise<Article>;
}

/** A claim as the index knows it: its board row and its stored highlight. */
export interface IndexedClaim {
  row: ClaimRow;
  highlight: Highlight;
}

/**
 * The claims the index holds for these ids (missing ones left out). The index answers
 * from its cache at once; an id it does not know yet is looked up again after its build,
 * so a claim is never called deleted only because the index was still reading.
 */
export async function indexedClaims(
  index: LibraryIndex,
  ids: readonly string[],
): Promise<Map<string, IndexedClaim>> {
  await index.settled();
  const found = new Map<string, IndexedClaim>();
  const lookUp = (id: string) => {
    const row = index.row(id);
    const highlight = index.claim(id);
    if (row && highlight) found.set(id, { row, highlight });
  };
  ids.forEach(lookUp);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    await index.whenBuilt();
    missing.forEach(lookUp);
  }
  return found;
}

/** Article fields are unbounded; the snapshot keeps what a citation line can show. */
const SOURCE_MAX_CHARS = 300;
const TITLE_MAX_CHARS = 1_000;
const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The snapshot a citation keeps: the claim's words and class, its source, date and place. */
export async function snapshotOf(
  { row, highlight }: IndexedClaim,
  articleText: (id: string) => Promise<Article>,
): Promise<ClaimReferenceAttrs> {
  const { blocks } = await articleText(row.articleId);
  return {
    highlightId: row.id,
    articleId: row.articleId,
    quote: row.quote,
    claimClass: row.claimClass,
    paraphrase: row.paraphrase,
    source: row.source === null ? null : cut(row.source, SOURCE_MAX_CHARS),
    articleTitle: cut(row.articleTitle, TITLE_MAX_CHARS),
    publishedAt: row.publishedAt,
    locator: citationLocator(blocks, highlight.selectors.position.start),
  };
}

/** The snapshot of one claim; NOT_FOUND when it is gone. */
export async function citationSnapshot(
  { index, articleText }: CitationSnapshotsDeps,
  highlightId: string,
): Promise<ClaimReferenceAttrs> {
  const claim = (await indexedClaims(index, [highlightId])).get(highlightId);
  if (!claim) {
    throw new AppError(
      'NOT_FOUND',
      'That claim no longer exists: it was deleted, or its article was removed. Pick another claim to cite.',
    );
  }
  return snapshotOf(claim, articleText);
}
