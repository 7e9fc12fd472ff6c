import type { HighlightSelectors } from '../domain/highlight';

type Quote = Pick<HighlightSelectors['quote'], 'exact' | 'prefix' | 'suffix'>;

/**
 * Whether `text` holds the quote at `start`, its prefix and suffix included, verbatim.
 * Checking the context too keeps a repeated passage, shifted by an edit, from anchoring on
 * whichever copy moved into the stored offsets.
 */
export function matchTextPosition(text: string, quote: Quote, start: number): boolean {
  return (
    start >= quote.prefix.length &&
    text.startsWith(quote.exact, start) &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, start + quote.exact.length)
  );
}
