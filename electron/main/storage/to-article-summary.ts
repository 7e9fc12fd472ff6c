import type { Article, ArticleSummary } from '../../../shared/domain/article';

/** The index entry for an article: everything but its text and blocks. */
export function toArticleSummary(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    language: article.language,
    importedAt: article.importedAt,
    origin: article.origin,
    contentHash: article.contentHash,
    wordCount: article.wordCount,
  };
}
