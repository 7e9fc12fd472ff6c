import { createHash } from 'node:crypto';
import type { ArticleSummary } from '../../../../shared/domain/article';

/**
 * Fingerprints the article fields the index copies (board rows, the article's search
 * document): when it differs from the cached one, the article is indexed again.
 */
export function summaryKey(summary: ArticleSummary): string {
  const { title, source, publishedAt, tickers, language, companies, contentHash } = summary;
  const names = companies.map((c) => c.name);
  return createHash('sha1')
    .update(JSON.stringify([title, source, publishedAt, tickers, language, names, contentHash]))
    .digest('hex');
}
