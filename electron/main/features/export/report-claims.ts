import type { Article, ArticleBlock } from '../../../../shared/domain/article';
import type { Tag } from '../../../../shared/domain/codebook';
import type { Highlight } from '../../../../shared/domain/highlight';
import type { ReportClaim } from '../../../../shared/export/report-input';
import { citationLocator } from '../../../../shared/memo/citation-locator';
import type { LibraryIndex } from '../library-index/library-index';
import { indexedClaims } from '../memos/citation-snapshots';
import { tagPaths } from '../../../../shared/domain/tag-path';

export interface ReportClaimsDeps {
  index: LibraryIndex;
  /** Recently read articles (their blocks give the locator). */
  articleText: (id: string) => Promise<Article>;
  codebook: () => readonly Tag[];
}

/** Tag ids as their full names ("Risk › Regulatory"), sorted; ids no longer in the codebook are left out. */
function tagNames(paths: ReadonlyMap<string, string>, ids: readonly string[]): string[] {
  return ids
    .map((id) => paths.get(id))
    .filter((path): path is string => path !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A stored highlight as reports show it: its words, class, tags (`tagPaths` names them),
 * note and locator.
 */
export function reportClaimOf(
  highlight: Highlight,
  blocks: readonly ArticleBlock[],
  paths: ReadonlyMap<string, string>,
  orphaned: boolean,
): ReportClaim {
  return {
    highlightId: highlight.id,
    articleId: highlight.articleId,
    quote: highlight.selectors.quote.exact,
    claimClass: highlight.claimClass,
    paraphrase: highlight.paraphrase,
    locator: citationLocator(blocks, highlight.selectors.position.start),
    state: orphaned ? 'orphaned' : 'ok',
    tags: tagNames(paths, highlight.tags),
    note: highlight.note,
  };
}

/**
 * The library's claims with these ids, as reports show them (current words, class, tags,
 * locator); ids of deleted claims are left out, so the caller falls back on a snapshot.
 */
export async function reportClaims(
  { index, articleText, codebook }: ReportClaimsDeps,
  ids: readonly string[],
): Promise<Map<string, ReportClaim>> {
  const found = await indexedClaims(index, [...new Set(ids)]);
  const paths = tagPaths(codebook());
  const claims = new Map<string, ReportClaim>();
  for (const [id, { row, highlight }] of found) {
    const { blocks } = await articleText(row.articleId);
    claims.set(id, reportClaimOf(highlight, blocks, paths, row.orphaned));
  }
  return claims;
}
