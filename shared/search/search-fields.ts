/** The fields a document may carry: an article's, then a claim's. */
export const SEARCH_FIELDS = [
  'title',
  'text',
  'source',
  'tickers',
  'quote',
  'note',
  'paraphrase',
  'tags',
  'context',
] as const;

export type SearchField = (typeof SEARCH_FIELDS)[number];

export type SearchKind = 'article' | 'claim';

/**
 * How much a match in each field counts. A title or a quote states what the document is
 * about; a claim's context (its article's title) only situates it, so it counts least.
 */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  title: 3,
  text: 1,
  source: 1.5,
  tickers: 3,
  quote: 3,
  note: 2,
  paraphrase: 2,
  tags: 2,
  context: 0.5,
};
