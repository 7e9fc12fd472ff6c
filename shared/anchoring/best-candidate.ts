import { contextAgreement } from './context-agreement';
import type { FoldedQuote } from './folded-quote';

/**
 * Candidates are scored in points: 64 for context agreeing in full (the stored prefix and
 * suffix, up to 32 characters each; fewer at the ends of the text count the same), plus
 * proximity to where the quote was expected (the stored position moved by the shift
 * learned from the highlights before it).
 *
 * Proximity is worth up to 48 points, half of that 128 characters away, 1.5 at 4,000. The
 * copy of a repeated passage near the expected place therefore beats a distant copy even
 * when an edit next to it damaged its context, as long as a third or more of its context
 * still agrees (a distant copy scores at most 64 + 1.5; the near one 48 + what agrees).
 */
const CONTEXT_POINTS = 64;
const PROXIMITY_WEIGHT = 48;
const PROXIMITY_HALF_CHARS = 128;
/**
 * The best candidate must lead every other place (not overlapping it) by 16 points, a
 * quarter of the context (two or three words), or the match is ambiguous and the highlight
 * an orphan: better no highlight than one on the wrong copy of a repeated phrase.
 */
export const MIN_LEAD = 16;
/**
 * Within this distance of the expected place, how far the learned shift may be off (the
 * edits since the highlight before), proximity must not overrule context: a candidate
 * there whose context agrees better than the best's makes the match ambiguous. (A photo
 * caption repeating a sentence a paragraph away would otherwise win on proximity.)
 */
export const CONTESTED_CHARS = 512;

/** A match of a quote in the folded text: [start, end) in folded offsets. */
export interface Candidate {
  start: number;
  end: number;
}

export interface ScoredCandidate extends Candidate {
  /** The fraction (0–1) of the quote's context that agrees with the text around the match. */
  agreement: number;
  score: number;
  /** How far its score leads the best other place (Infinity when there is none). */
  lead: number;
  /** The best agreement of another place near the expected one (CONTESTED_CHARS), or 0. */
  rivalAgreement: number;
}

/** The score for being `distance` characters from where the quote was expected. */
const proximity = (distance: number) =>
  (PROXIMITY_WEIGHT * PROXIMITY_HALF_CHARS) / (PROXIMITY_HALF_CHARS + Math.abs(distance));

/** The most a candidate `distance` characters from the expected place can score. */
export const bestPossibleScore = (distance: number) => CONTEXT_POINTS + proximity(distance);

/**
 * The candidate with the best score (context agreement plus proximity to
 * `expected`) among those whose agreement reaches `minAgreement`, with its lead over the
 * best other place (whatever its agreement). `candidates` are sorted by start. Scans
 * outwards from `expected`, nearest first, and stops once no farther candidate could come
 * within MIN_LEAD of the best, even with all its context agreeing.
 */
export function bestCandidate(
  text: string,
  candidates: readonly Candidate[],
  quote: FoldedQuote,
  expected: number,
  minAgreement = 0,
): ScoredCandidate | null {
  const scored: ScoredCandidate[] = [];
  let best: ScoredCandidate | null = null;
  let right = candidates.findIndex((c) => c.start >= expected);
  if (right === -1) right = candidates.length;
  let left = right - 1;
  while (left >= 0 || right < candidates.length) {
    const takeLeft =
      right === candidates.length ||
      (left >= 0 && expected - candidates[left]!.start <= candidates[right]!.start - expected);
    const candidate = candidates[takeLeft ? left-- : right++]!;
    const distance = Math.abs(candidate.start - expected);
    const nearness = proximity(distance);
    const couldMatter =
      best === null ||
      distance <= CONTESTED_CHARS ||
      CONTEXT_POINTS + nearness >= best.score - MIN_LEAD;
    if (!couldMatter) break;
    const agreeing = contextAgreement(text, candidate.start, candidate.end, quote);
    const agreement = quote.contextChars === 0 ? 1 : agreeing / quote.contextChars;
    const s = {
      start: candidate.start,
      end: candidate.end,
      agreement,
      score: CONTEXT_POINTS * agreement + nearness,
      lead: Infinity,
      rivalAgreement: 0,
    };
    scored.push(s);
    if (agreement >= minAgreement && (best === null || s.score > best.score)) best = s;
  }
  if (best === null) return null;
  for (const s of scored) {
    if (s.start < best.end && best.start < s.end) continue; // the same place
    best.lead = Math.min(best.lead, best.score - s.score);
    if (Math.abs(s.start - expected) <= CONTESTED_CHARS) {
      best.rivalAgreement = Math.max(best.rivalAgreement, s.agreement);
    }
  }
  if (best.rivalAgreement > best.agreement) best.lead = Math.min(best.lead, 0);
  return best;
}
