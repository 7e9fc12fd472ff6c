import search from 'approx-string-match';
import type { HighlightAnchor, HighlightSelectors } from '../shared/domain/highlight';

/**
 * The baseline anchoring most code starts with: the first exact occurrence of the quote,
 * else the best approximate match anywhere (up to one error in four characters), else an
 * orphan. No position, no context, no normalisation.
 */
export function naiveAnchorHighlights(
  text: string,
  selectors: readonly HighlightSelectors[],
): (HighlightAnchor | null)[] {
  return selectors.map(({ quote: { exact } }) => {
    const at = text.indexOf(exact);
    if (at !== -1) return { start: at, end: at + exact.length, method: 'quote' };
    const [match] = search(text, exact, Math.floor(exact.length / 4));
    return match === undefined ? null : { start: match.start, end: match.end, method: 'fuzzy' };
  });
}
