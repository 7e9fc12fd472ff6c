import type { ArticleSummary } from '../../../../shared/domain/article';
import type { ReportSource } from '../../../../shared/export/report-input';

/** An article of the library as a report's footnotes and Sources list describe it. */
export function reportSource(article: ArticleSummary): ReportSource {
  return {
    articleId: article.id,
    title: article.title,
    publisher: article.source,
    author: article.author,
    publishedAt: article.publishedAt,
    url: article.url,
    fileName: article.origin.kind === 'file' ? article.origin.fileName : null,
    language: article.language,
    inLibrary: true,
  };
}
