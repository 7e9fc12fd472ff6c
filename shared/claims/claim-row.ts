import { z } from 'zod';
import { ArticleSummary } from '../domain/article';
import { ClaimClass, Highlight, HighlightNote } from '../domain/highlight';
import { HIGHLIGHT_MAX_CHARS } from '../domain/highlight-limits';
import { EntityId, IsoDateTime } from '../domain/primitives';

const LinkCount = z.int().nonnegative();

/**
 * One claim (highlight) of the library as the claims board sees it: the highlight, whether
 * its words are still in the text, and the article fields the board filters and sorts on,
 * copied in so a query never has to look an article up.
 */
export const ClaimRow = z.object({
  id: EntityId,
  articleId: EntityId,
  claimClass: ClaimClass,
  /** The exact words of the highlight. */
  quote: z.string().min(1).max(HIGHLIGHT_MAX_CHARS),
  note: HighlightNote,
  paraphrase: HighlightNote,
  tags: Highlight.shape.tags,
  page: Highlight.shape.page,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** The words are no longer found in the article's text. */
  orphaned: z.boolean(),
  articleTitle: ArticleSummary.shape.title,
  source: ArticleSummary.shape.source,
  publishedAt: ArticleSummary.shape.publishedAt,
  tickers: ArticleSummary.shape.tickers,
  language: ArticleSummary.shape.language,
  /** Claims linked to this one as supporting it; only thesis claims have any. */
  supports: LinkCount,
  /** Claims linked to this one as contradicting it; only thesis claims have any. */
  contradicts: LinkCount,
  /** Thesis claims this one is linked to. */
  relatedTo: LinkCount,
});
export type ClaimRow = z.infer<typeof ClaimRow>;
