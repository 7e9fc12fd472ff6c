import type { ArticleSummary } from '../../../shared/domain/article';

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Where an article came from, for lists and the reader: publisher, else its origin. */
export function sourceLabel(article: ArticleSummary): string {
  if (article.source) return article.source;
  const { origin } = article;
  switch (origin.kind) {
    case 'sample':
      return 'Sample article';
    case 'paste':
      return 'Pasted text';
    case 'file':
      return origin.fileName;
    case 'url':
      return hostOf(article.url ?? origin.requestedUrl) ?? 'Web page';
  }
}
