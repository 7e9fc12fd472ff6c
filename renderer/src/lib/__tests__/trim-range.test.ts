import { describe, expect, it } from 'vitest';
import { trimRange } from '../trim-range';

describe('trimRange', () => {
  it('drops spaces and line breaks a selection took along', () => {
    const text = 'Erste Zeile.\n\n Zweite Zeile ';
    expect(trimRange(text, 11, text.length)).toEqual({ start: 11, end: 27 });
    expect(text.slice(11, 27)).toBe('.\n\n Zweite Zeile');
  });

  it('treats a no-break space as space', () => {
    expect(trimRange('a\u00a0bc\u00a0', 1, 5)).toEqual({ start: 2, end: 4 });
  });

  it('returns null for a selection of whitespace only', () => {
    expect(trimRange('a   b', 1, 4)).toBeNull();
  });
});
