import type { HighlightSelectors } from '../domain/highlight';
import { foldForMatching } from './matching-text';

/** A TextQuoteSelector folded the way the article is folded for matching. */
export interface FoldedQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Characters of context the quote carries (prefix plus suffix), the most that can agree. */
  readonly contextChars: number;
}

export function foldedQuote(quote: HighlightSelectors['quote']): FoldedQuote {
  const prefix = foldForMatching(quote.prefix);
  const suffix = foldForMatching(quote.suffix);
  return {
    exact: foldForMatching(quote.exact),
    prefix,
    suffix,
    contextChars: prefix.length + suffix.length,
  };
}
