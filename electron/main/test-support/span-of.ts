import { expect } from 'vitest';

/** The span of `words` in `text`, failing the test when they are not there exactly once. */
export function spanOf(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  expect(start, `"${words}" in the article`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(words, start + 1), `"${words}" only once`).toBe(-1);
  return { start, end: start + words.length };
}
