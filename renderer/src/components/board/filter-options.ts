import type { ArticleSummary } from '../../../../shared/domain/article';

export interface FilterOptions {
  tickers: string[];
  sources: string[];
  languages: string[];
  articles: Array<{ value: string; label: string }>;
}

const sorted = (values: Iterable<string>) =>
  [...new Set(values)].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));

/** What the board's pickers offer: the values the library's articles actually have. */
export function filterOptions(summaries: readonly ArticleSummary[]): FilterOptions {
  return {
    tickers: sorted(summaries.flatMap((a) => a.tickers.map((t) => t.toUpperCase()))),
    sources: sorted(summaries.flatMap((a) => (a.source ? [a.source] : []))),
    languages: sorted(summaries.map((a) => a.language)),
    articles: summaries.map((a) => ({ value: a.id, label: a.title })),
  };
}
