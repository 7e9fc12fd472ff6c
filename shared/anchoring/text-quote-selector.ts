import {
  bestCandidate,
  CONTESTED_CHARS,
  MIN_LEAD,
  bestPossibleScore,
  type Candidate,
  type ScoredCandidate,
} from './best-candidate';
import type { FoldedQuote } from './folded-quote';

/**
 * Where to look first: this far either side of where the quote was expected, the zone in
 * which candidates contest each other (see best-candidate).
 */
const WINDOW_CHARS = CONTESTED_CHARS;

/**
 * An exact quote found where its context mostly disagrees could be another copy of the
 * same words (a short or common phrase) while its own copy was deleted. Accept it only
 * when at least half of its context agrees (unrelated contexts agree on a quarter, rarely
 * more than 44 %)…
 */
export const MIN_QUOTE_AGREEMENT = 0.5;
/**
 * …or when it is the quote's only occurrence and long enough not to recur by chance (a
 * moved paragraph keeps its words, not its context).
 */
export const MIN_DISTINCTIVE_QUOTE_CHARS = 24;

export interface QuoteSearch {
  match: ScoredCandidate | null;
  /** How many exact occurrences the search saw; zero sends fuzzy matching to the whole text. */
  occurrences: number;
}

/** Every occurrence of `exact` starting in [from, to]. */
function occurrences(text: string, exact: string, from: number, to: number): Candidate[] {
  const found: Candidate[] = [];
  const region = text.slice(from, to + exact.length);
  for (let at = region.indexOf(exact); at !== -1; at = region.indexOf(exact, at + 1)) {
    found.push({ start: from + at, end: from + at + exact.length });
  }
  return found;
}

/** Whether `match` is trustworthy enough to anchor to (see the thresholds above). */
function acceptable(match: ScoredCandidate, quote: FoldedQuote, occurrences: number): boolean {
  return (
    match.lead >= MIN_LEAD &&
    (match.agreement >= MIN_QUOTE_AGREEMENT ||
      (occurrences === 1 && quote.exact.length >= MIN_DISTINCTIVE_QUOTE_CHARS))
  );
}

/**
 * Finds the folded quote exactly in the folded text, scored by its prefix, suffix and
 * distance to where it was expected: first near that place, then in the whole text.
 */
export function matchTextQuote(text: string, quote: FoldedQuote, expected: number): QuoteSearch {
  const from = Math.max(0, expected - WINDOW_CHARS);
  const to = expected + WINDOW_CHARS;
  const near = occurrences(text, quote.exact, from, to);
  const nearBest = bestCandidate(text, near, quote, expected);
  // Anything beyond the window scores at most its full context plus the proximity of the
  // window's edge: if the best near match leads that too, the whole text cannot change it.
  const beyond = bestPossibleScore(WINDOW_CHARS);
  if (
    nearBest !== null &&
    nearBest.score - beyond >= MIN_LEAD &&
    nearBest.agreement >= MIN_QUOTE_AGREEMENT &&
    acceptable(nearBest, quote, near.length)
  ) {
    return { match: nearBest, occurrences: near.length };
  }
  const all =
    from === 0 && to + quote.exact.length >= text.length
      ? near
      : occurrences(text, quote.exact, 0, text.length);
  const best = bestCandidate(text, all, quote, expected);
  const accepted = best !== null && acceptable(best, quote, all.length);
  return { match: accepted ? best : null, occurrences: all.length };
}
