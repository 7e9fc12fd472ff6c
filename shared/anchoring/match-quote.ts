import search from 'approx-string-match';
import {
  bestCandidate,
  MIN_LEAD,
  bestPossibleScore,
  type Candidate,
  type ScoredCandidate,
} from './best-candidate';
import type { FoldedQuote } from './folded-quote';

/**
 * A fuzzy match may differ from the quote by at most one edit (insertion, deletion or
 * substitution) in five characters: similarity ≥ 0.8. A reworded sentence stays within
 * that; two different sentences on the same subject rarely do.
 */
export const MAX_FUZZY_ERROR_RATE = 0.2;
/**
 * And at least 70 % of its context must agree. Similar words alone are not enough: a
 * quote whose words were deleted must become an orphan rather than land on a similar
 * sentence elsewhere. Between two random places of the test articles, contexts agree on
 * 25 % (median), 44 % at the 99.9th percentile; above 70 % only in repeated passages.
 * Words edited in place keep their context.
 */
export const MIN_FUZZY_AGREEMENT = 0.7;
/** Myers' search slows with the error budget; longer quotes must simply be more similar. */
const MAX_FUZZY_ERRORS = 256;
/** Where to look first: this far either side of where the quote was expected. */
const WINDOW_CHARS = 1024;
/**
 * How much searching the whole text for similar words one call may do, in Myers' steps
 * (characters × 32-character blocks of the quote): about a tenth of a second. An article
 * whose text was replaced orphans every highlight, each after a whole-text search; past
 * this budget the rest are only looked for near where they were expected.
 */
export const WHOLE_TEXT_FUZZY_BUDGET = 50_000_000;

/** What is left of WHOLE_TEXT_FUZZY_BUDGET in one call of anchorHighlights. */
export interface FuzzyBudget {
  remaining: number;
}

function fuzzyCandidates(
  text: string,
  exact: string,
  maxErrors: number,
  offset: number,
): Candidate[] {
  return search(text, exact, maxErrors)
    .map((m) => ({ start: offset + m.start, end: offset + m.end }))
    .sort((a, b) => a.start - b.start);
}

const unambiguous = (match: ScoredCandidate | null) =>
  match !== null && match.lead >= MIN_LEAD ? match : null;

/**
 * Finds words similar to the folded quote, scored like an exact match, near where it was
 * expected and then, if `wholeText` (no exact occurrence exists) and the budget allows,
 * anywhere. A match near the expected place must lead anything beyond the window could
 * score (all its context agreeing), or, when the whole text is not searched, it is not
 * trusted.
 */
export function matchQuote(
  text: string,
  quote: FoldedQuote,
  expected: number,
  wholeText: boolean,
  budget: FuzzyBudget,
): ScoredCandidate | null {
  const length = quote.exact.length;
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(length * MAX_FUZZY_ERROR_RATE));
  if (maxErrors === 0) return null; // nothing an exact search has not already tried
  const window = Math.max(WINDOW_CHARS, length);
  const from = Math.max(0, expected - window);
  const to = Math.min(text.length, expected + length + window);
  const near = fuzzyCandidates(text.slice(from, to), quote.exact, maxErrors, from);
  const found = unambiguous(bestCandidate(text, near, quote, expected, MIN_FUZZY_AGREEMENT));
  const everywhere = from === 0 && to === text.length;
  const beyond = bestPossibleScore(window);
  if (found !== null && (everywhere || found.score - beyond >= MIN_LEAD)) return found;
  if (!wholeText || everywhere) return null;
  const cost = text.length * Math.ceil(length / 32);
  if (cost > budget.remaining) return null;
  budget.remaining -= cost;
  const anywhere = fuzzyCandidates(text, quote.exact, maxErrors, 0);
  return unambiguous(bestCandidate(text, anywhere, quote, expected, MIN_FUZZY_AGREEMENT));
}
