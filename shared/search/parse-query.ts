import { foldTerm } from './fold-term';
import { forEachToken } from './tokenize';

export interface QueryTerm {
  /** Folded, as the index files words. */
  term: string;
  /** The last word of the query, still being typed: it matches any word it begins. */
  prefix: boolean;
}

/**
 * A one-letter prefix would expand to a twentieth of the dictionary (and "don't" ends in
 * one): until a second letter is typed, the last word matches whole words only.
 */
export const MIN_PREFIX_LENGTH = 2;

/**
 * The terms of a query: its words folded, a compound by its parts ("Microsoft-Aktie"
 * needs microsoft and aktie, however they are joined), repeated words once. The last
 * word is a prefix (if at least MIN_PREFIX_LENGTH long), even when followed by a space:
 * makeSnippet treats the last term the same way, so what is found and what is marked
 * agree.
 */
export function parseQuery(query: string): QueryTerm[] {
  const words: string[] = [];
  forEachToken(query, (start, end, compound) => {
    if (!compound) words.push(foldTerm(query.slice(start, end)));
  });
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  words.forEach((term, i) => {
    const prefix = i === words.length - 1 && term.length >= MIN_PREFIX_LENGTH;
    if (!prefix && seen.has(term)) return;
    seen.add(term);
    terms.push({ term, prefix });
  });
  return terms;
}
