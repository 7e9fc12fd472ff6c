import { foldTermForms } from './fold-term';
import { MIN_PREFIX_LENGTH } from './parse-query';
import { forEachToken } from './tokenize';

export interface Snippet {
  /** The excerpt, with "…" where it cuts the text and each whitespace character as a space. */
  text: string;
  /** Where the excerpt (after any leading "…") starts in the original text. */
  offset: number;
  /** The hit words, as ranges into `text`. */
  marks: { start: number; end: number }[];
  /** Where the first marked hit is in the original text, to scroll the reader to; null if none. */
  firstHit: number | null;
}

export interface SnippetOptions {
  /** Length of the excerpt without its ellipses (default 200). */
  maxChars?: number;
  /** The last term is a prefix, as in SearchIndex.search (default true). */
  prefixLast?: boolean;
}

interface Hit {
  start: number;
  end: number;
  term: number;
}

const DEFAULT_MAX_CHARS = 200;
const SPACE = /\s/;

/**
 * An excerpt of `text` around its hits for `terms` (folded, as SearchHit.terms): the
 * words whose folded or dotless form equals a term, or begins with the last one (as in
 * parseQuery: if it has at least MIN_PREFIX_LENGTH characters). The
 * window is the one holding the most distinct terms (then the most hits, then the
 * earliest), with a little lead-in, cut at word boundaries.
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  options: SnippetOptions = {},
): Snippet {
  const maxChars = Math.max(1, options.maxChars ?? DEFAULT_MAX_CHARS);
  const prefixLast = options.prefixLast ?? true;
  const hits = findHits(text, terms, prefixLast);

  let start = 0;
  let end = Math.min(text.length, maxChars);
  if (hits.length > 0) {
    const [first, last] = densestWindow(hits, terms.length, maxChars);
    const clusterStart = hits[first]!.start;
    const clusterEnd = hits[last]!.end;
    const room = Math.max(0, maxChars - (clusterEnd - clusterStart));
    start = Math.max(0, clusterStart - Math.floor(room / 3));
    end = Math.min(text.length, Math.max(clusterEnd, start + maxChars));
    start = Math.max(0, Math.min(start, end - maxChars, clusterStart));
    start = snapStart(text, start, clusterStart);
    end = snapEnd(text, end, clusterEnd);
  } else {
    end = snapEnd(text, end, 0);
  }

  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const marks = hits
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => ({ start: h.start - start + lead.length, end: h.end - start + lead.length }));
  const firstHit = marks.length > 0 ? marks[0]!.start - lead.length + start : null;
  return {
    text: lead + body + (end < text.length ? '…' : ''),
    offset: start,
    marks,
    firstHit,
  };
}

/** Hits in text order; a matching compound absorbs its matching parts. */
function findHits(text: string, terms: readonly string[], prefixLast: boolean): Hit[] {
  if (terms.length === 0) return [];
  const lastTerm = terms.length - 1;
  const found: Hit[] = [];
  forEachToken(text, (start, end) => {
    const forms = foldTermForms(text.slice(start, end));
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      const prefix = prefixLast && t === lastTerm && term.length >= MIN_PREFIX_LENGTH;
      if (forms.some((form) => (prefix ? form.startsWith(term) : form === term))) {
        found.push({ start, end, term: t });
        return;
      }
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: Hit[] = [];
  for (const hit of found) {
    const previous = hits[hits.length - 1];
    if (previous !== undefined && hit.start < previous.end) {
      previous.end = Math.max(previous.end, hit.end);
    } else {
      hits.push({ ...hit });
    }
  }
  return hits;
}

/** Indexes [first, last] of the hits in the best window of `maxChars`. */
function densestWindow(
  hits: readonly Hit[],
  termCount: number,
  maxChars: number,
): [number, number] {
  const counts = new Int32Array(termCount);
  let distinct = 0;
  let best: [number, number] = [0, 0];
  let bestDistinct = -1;
  let bestHits = -1;
  let j = 0; // hits[i..j) are in the window starting at hits[i]
  for (let i = 0; i < hits.length; i++) {
    if (j <= i) {
      j = i;
      counts.fill(0);
      distinct = 0;
    }
    const limit = hits[i]!.start + maxChars;
    while (j < hits.length && (j === i || hits[j]!.end <= limit)) {
      if (counts[hits[j]!.term]!++ === 0) distinct++;
      j++;
    }
    if (distinct > bestDistinct || (distinct === bestDistinct && j - i > bestHits)) {
      best = [i, j - 1];
      bestDistinct = distinct;
      bestHits = j - i;
    }
    if (--counts[hits[i]!.term]! === 0) distinct--;
  }
  return best;
}

/** Moves a cut inside a word forward to the next word, never past `limit`. */
function snapStart(text: string, at: number, limit: number): number {
  let start = at;
  if (start > 0 && !SPACE.test(text[start - 1]!)) {
    while (start < limit && !SPACE.test(text[start]!)) start++;
  }
  while (start < limit && SPACE.test(text[start]!)) start++;
  return start;
}

/** Moves a cut inside a word back to the end of the previous word, never before `limit`. */
function snapEnd(text: string, at: number, limit: number): number {
  let end = at;
  if (end < text.length && !SPACE.test(text[end]!)) {
    while (end > limit && !SPACE.test(text[end - 1]!)) end--;
    if (end === limit && limit === 0) end = at; // one word longer than the snippet
  }
  while (end > limit && SPACE.test(text[end - 1]!)) end--;
  return end;
}
