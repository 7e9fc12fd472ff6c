import { ArticleSummary, type Article } from '../../../shared/domain/article';

/** The index entry for an article: everything but its text and blocks (zod drops those). */
export function toArticleSummary(article: Article): ArticleSummary {
  return ArticleSummary.parse(article);
}
