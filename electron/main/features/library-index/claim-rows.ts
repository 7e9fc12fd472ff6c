import type { ClaimRow } from '../../../../shared/claims/claim-row';
import type { ArticleSummary } from '../../../../shared/domain/article';
import type { AnchoredHighlight } from '../../../../shared/domain/highlight';
import type { LinkIndex } from './link-index';

/**
 * The board's rows for one article's claims, in document order (anchored claims by
 * where they sit, orphans last), with the article fields the board filters on.
 */
export function claimRows(
  article: ArticleSummary,
  claims: readonly AnchoredHighlight[],
  links: LinkIndex,
  /** Whether a claim is in the library: a link to a deleted thesis is not counted. */
  claimExists: (id: string) => boolean,
): ClaimRow[] {
  const ordered = [...claims].sort(
    (a, b) =>
      (a.anchor?.start ?? Number.MAX_SAFE_INTEGER) - (b.anchor?.start ?? Number.MAX_SAFE_INTEGER) ||
      a.highlight.createdAt.localeCompare(b.highlight.createdAt),
  );
  return ordered.map(({ highlight: h, anchor }) => {
    const incoming = links.incoming(h.id);
    return {
      id: h.id,
      articleId: h.articleId,
      claimClass: h.claimClass,
      quote: h.selectors.quote.exact,
      note: h.note,
      paraphrase: h.paraphrase,
      tags: h.tags,
      page: h.page,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
      orphaned: anchor === null,
      articleTitle: article.title,
      source: article.source,
      publishedAt: article.publishedAt,
      tickers: article.tickers,
      language: article.language,
      supports: incoming.filter((l) => l.link.kind === 'supports').length,
      contradicts: incoming.filter((l) => l.link.kind === 'contradicts').length,
      relatedTo: h.links.filter((l) => claimExists(l.to.id)).length,
    };
  });
}
