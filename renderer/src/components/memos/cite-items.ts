import type { ClaimClass } from '../../../../shared/domain/highlight';
import { requireWorkbench } from '../../lib/require-workbench';

/** A claim offered by `/cite` and `@`. */
export interface CiteItem {
  id: string;
  articleId: string;
  claimClass: ClaimClass;
  text: string;
  articleTitle: string;
  source: string | null;
}

const LIMIT = 8;

/**
 * The claims to offer for what was typed after `/cite` or `@`: search hits on claims, or,
 * before anything is typed, the newest claims on the memo's ticker (else the library's).
 */
export async function findCiteItems(query: string, ticker: string | null): Promise<CiteItem[]> {
  const workbench = requireWorkbench();
  const words = query.trim();
  if (words === '') {
    const page = await workbench.claims.query({
      filter: ticker ? { tickers: [ticker] } : {},
      sort: 'created-desc',
      groupBy: 'none',
      offset: 0,
      limit: LIMIT,
    });
    return page.rows.map((row) => ({
      id: row.id,
      articleId: row.articleId,
      claimClass: row.claimClass,
      text: row.quote,
      articleTitle: row.articleTitle,
      source: row.source,
    }));
  }
  const { results } = await workbench.search.query({ query: words, limit: 30 });
  const items: CiteItem[] = [];
  for (const hit of results) {
    if (hit.kind !== 'claim' || items.some((i) => i.id === hit.id)) continue;
    items.push({
      id: hit.id,
      articleId: hit.articleId,
      claimClass: hit.claimClass,
      text: hit.snippet.text,
      articleTitle: hit.articleTitle,
      source: hit.source,
    });
    if (items.length === LIMIT) break;
  }
  return items;
}
