import { describe, expect, it } from 'vitest';
import type { ClaimSuggestion } from '../../../../shared/domain/suggestion';
import { openSuggestions } from '../open-suggestions';

const suggestion = (start: number, end: number): ClaimSuggestion => ({
  start,
  end,
  claimClass: 'risk',
  confidence: 0.5,
  reasons: [],
  cues: [],
});

describe('openSuggestions', () => {
  const suggestions = [suggestion(0, 10), suggestion(11, 20), suggestion(21, 30)];

  it('keeps every suggestion when nothing is highlighted, and orphans do not count', () => {
    expect(openSuggestions(suggestions, [{ anchor: null }])).toEqual(suggestions);
  });

  it('drops a sentence a highlight covers in whole or in part, not one it only touches', () => {
    const open = openSuggestions(suggestions, [
      { anchor: { start: 0, end: 10 } }, // the whole first sentence
      { anchor: { start: 25, end: 26 } }, // one word of the third
      { anchor: { start: 10, end: 11 } }, // the space between the first two
    ]);
    expect(open.map((s) => s.start)).toEqual([11]);
  });
});
