import type { HighlightAnchor, HighlightSelectors } from '../domain/highlight';
import type { Candidate } from './best-candidate';
import { foldedQuote } from './folded-quote';
import { matchQuote, WHOLE_TEXT_FUZZY_BUDGET, type FuzzyBudget } from './match-quote';
import { matchingText, type MatchingText } from './matching-text';
import { matchTextPosition } from './text-position-selector';
import { matchTextQuote } from './text-quote-selector';

/** One article's text, folded only when a highlight first needs more than its position. */
class Article {
  private folded: MatchingText | null = null;
  readonly fuzzyBudget: FuzzyBudget = { remaining: WHOLE_TEXT_FUZZY_BUDGET };
  constructor(readonly text: string) {}

  get matching(): MatchingText {
    this.folded ??= matchingText(this.text);
    return this.folded;
  }
}

/** The real range behind a folded match. */
function toAnchor(
  article: Article,
  match: Candidate,
  selectors: HighlightSelectors,
  method: 'quote' | 'fuzzy',
): HighlightAnchor {
  const { start, end } = article.matching.realRange(match.start, match.end);
  if (method === 'fuzzy') return { start, end, method };
  const unmoved =
    start === selectors.position.start &&
    end === selectors.position.end &&
    article.text.slice(start, end) === selectors.quote.exact;
  return { start, end, method: unmoved ? 'position' : 'quote' };
}

/** One highlight's anchor, and how far it can be trusted. */
interface Attempt {
  anchor: HighlightAnchor | null;
  /** Certain enough to tell its neighbours the shift. */
  certain: boolean;
  /** Worth a second look with a better shift: not certain, or found by position alone. */
  revisable: boolean;
}

/**
 * Anchors one highlight: its stored position (while no shift is known), then the quote by
 * exact search in the folded text, scored by context and by distance to where the quote is
 * expected (the position moved by `shift`), then by fuzzy search; null when none of them
 * is trustworthy.
 */
function anchorOne(article: Article, selectors: HighlightSelectors, shift: number): Attempt {
  const { text } = article;
  const { quote, position } = selectors;
  // With the text shifted here, a verbatim copy at the stored offsets may be another copy
  // of a repeated passage: then the scored search, which weighs the shift, decides.
  if (shift === 0 && matchTextPosition(text, quote, position.start)) {
    // Certain, unless an identical passage moved into these offsets: the position check
    // does not look for one, so a nearer neighbour's shift may still overrule it.
    return {
      anchor: { start: position.start, end: position.end, method: 'position' },
      certain: true,
      revisable: true,
    };
  }
  const folded = foldedQuote(quote);
  if (folded.exact.length === 0) return { anchor: null, certain: false, revisable: false };
  const { matching } = article;
  const expected = matching.foldedOffset(
    Math.min(text.length, Math.max(0, position.start + shift)),
  );
  const exact = matchTextQuote(matching.folded, folded, expected);
  if (exact.match !== null) {
    const anchor = toAnchor(article, exact.match, selectors, 'quote');
    // Certain: all its context agrees, and no other place near the expected one agrees as well.
    const { agreement, rivalAgreement } = exact.match;
    const certain = agreement === 1 && rivalAgreement < 1;
    return { anchor, certain, revisable: !certain };
  }
  const wholeText = exact.occurrences === 0;
  const fuzzy = matchQuote(matching.folded, folded, expected, wholeText, article.fuzzyBudget);
  const anchor = fuzzy && toAnchor(article, fuzzy, selectors, 'fuzzy');
  return { anchor, certain: false, revisable: true };
}

/**
 * Anchors the highlights of one article in its current text, W3C Web Annotation style;
 * results in input order, null for an orphan. The chain, and where its thresholds live:
 *
 * 1. Position (text-position-selector): the stored offsets still hold the quote and its
 *    context, verbatim. Method `position`.
 * 2. Quote (text-quote-selector): the quote found exactly in the folded text (matching-text:
 *    spaces, quotes and composition folded), scored by context agreement and by distance to
 *    where it is expected (best-candidate: MIN_LEAD, CONTESTED_CHARS; context-agreement),
 *    first near that place, then anywhere (MIN_QUOTE_AGREEMENT,
 *    MIN_DISTINCTIVE_QUOTE_CHARS). Method `quote`, or `position` if it had not moved.
 * 3. Fuzzy (match-quote): similar words, scored the same way, near the expected place and
 *    then anywhere if the exact words occur nowhere (MAX_FUZZY_ERROR_RATE,
 *    MIN_FUZZY_AGREEMENT). Method `fuzzy`.
 *
 * The text is folded once for all the highlights, and they are anchored in document order,
 * each expected where the one before it moved to: after an edit early in the article, the
 * next quote is looked for where it now should be, not searched for everywhere. Then the
 * uncertain ones get a second look with the shift of a nearer certain highlight after them.
 */
export function anchorHighlights(
  text: string,
  selectors: readonly HighlightSelectors[],
): (HighlightAnchor | null)[] {
  const article = new Article(text);
  const order = selectors
    .map((_, i) => i)
    .sort((a, b) => selectors[a]!.position.start - selectors[b]!.position.start || a - b);
  const attempts: Attempt[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (const i of order) {
    const s = selectors[i]!;
    const attempt = anchorOne(article, s, shift);
    attempts.push(attempt);
    shifts.push(shift);
    // A fuzzy match's start is approximate; exact matches tell the shift precisely.
    const { anchor } = attempt;
    if (anchor !== null && anchor.method !== 'fuzzy') shift = anchor.start - s.position.start;
  }
  refineUncertain(
    article,
    order.map((i) => selectors[i]!),
    attempts,
    shifts,
  );
  const anchors = new Array<HighlightAnchor | null>(selectors.length).fill(null);
  order.forEach((i, k) => (anchors[i] = attempts[k]!.anchor));
  return anchors;
}

/**
 * Second thoughts for the highlights anchored without full certainty, or not at all: the
 * shift they were looked for with came from the highlight before, however far back. If a
 * certain highlight lies nearer after it, its shift says better where the quote went
 * (fewer edits in between), and the highlight is anchored again with that shift.
 */
function refineUncertain(
  article: Article,
  inOrder: readonly HighlightSelectors[],
  attempts: Attempt[],
  shifts: readonly number[],
): void {
  const previousCertain: number[] = [];
  let previous = -1;
  for (let k = 0; k < attempts.length; k++) {
    previousCertain.push(previous);
    if (attempts[k]!.certain) previous = k;
  }
  const shiftOf = (k: number) => attempts[k]!.anchor!.start - inOrder[k]!.position.start;
  let next = -1; // the nearest certain attempt after k
  for (let k = inOrder.length - 1; k >= 0; k--) {
    if (attempts[k]!.revisable && next !== -1) {
      const at = inOrder[k]!.position.start;
      const before = previousCertain[k]!;
      const afterIsNearer =
        before === -1 || inOrder[next]!.position.start - at < at - inOrder[before]!.position.end;
      if (afterIsNearer && shiftOf(next) !== shifts[k]) {
        attempts[k] = anchorOne(article, inOrder[k]!, shiftOf(next));
      }
    }
    if (attempts[k]!.certain) next = k;
  }
}

/** Anchors one highlight (see anchorHighlights). */
export function anchorHighlight(
  text: string,
  selectors: HighlightSelectors,
): HighlightAnchor | null {
  return anchorHighlights(text, [selectors])[0] ?? null;
}
