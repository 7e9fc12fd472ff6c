import type { ClaimReferenceAttrs } from '../memo/claim-reference';
import type { ReportSource } from './report-input';

/**
 * An article deleted since the memo cited it, as the citation's snapshot remembers it:
 * publisher, title and date only (no author, link or file, language unknown).
 */
export function sourceFromSnapshot(
  attrs: Pick<ClaimReferenceAttrs, 'articleId' | 'source' | 'articleTitle' | 'publishedAt'>,
): ReportSource {
  return {
    articleId: attrs.articleId,
    title: attrs.articleTitle?.trim() || 'Untitled article',
    publisher: attrs.source?.trim() || null,
    author: null,
    publishedAt: attrs.publishedAt,
    url: null,
    fileName: null,
    language: 'und',
    inLibrary: false,
  };
}
