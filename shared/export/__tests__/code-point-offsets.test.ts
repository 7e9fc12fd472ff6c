import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointOffsets } from '../code-point-offsets';
import { isCodePointBoundary } from '../is-code-point-boundary';

describe('codePointOffsets', () => {
  it('counts an astral character (emoji, math letter) as one code point', () => {
    const text = 'a🚀b𝔘c';
    expect(codePointOffsets(text, [0, 1, 3, 4, 6, 7])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('counts combining marks and ZWJ sequences per code point, not per grapheme', () => {
    const text = 'e\u0301👨‍👩‍👧x';
    expect(codePointOffsets(text, [text.length - 1, text.length])).toEqual([7, 8]);
  });

  it('converts offsets given in any order, repeated ones included', () => {
    const text = '🚀🚀 x 🚀';
    expect(codePointOffsets(text, [7, 0, 4, 4, 5])).toEqual([5, 0, 2, 2, 3]);
    expect(codePointOffsets(text, [])).toEqual([]);
  });

  it('counts a lone surrogate as one code point, as string iteration does', () => {
    const text = 'a\uD800b\uDC00c';
    expect(codePointOffsets(text, [2, 4, 5])).toEqual([2, 4, 5]);
  });

  it('refuses offsets outside the text or inside a surrogate pair', () => {
    expect(() => codePointOffsets('a🚀', [2])).toThrow(RangeError);
    expect(() => codePointOffsets('abc', [4])).toThrow(RangeError);
    expect(() => codePointOffsets('abc', [-1])).toThrow(RangeError);
    expect(() => codePointOffsets('abc', [1.5])).toThrow(RangeError);
  });

  it('gives offsets that slice the same words out of the code point array', () => {
    const textArb = fc.string({
      unit: fc.constantFrom('a', 'é', ' ', '🚀', '𝔘', '語', '\u0301', '\u200D'),
    });
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, x, y) => {
        const boundaries = [...Array(text.length + 1).keys()].filter((at) =>
          isCodePointBoundary(text, at),
        );
        const start = boundaries[x % boundaries.length]!;
        const end = boundaries[y % boundaries.length]!;
        const [from, to] = codePointOffsets(text, [Math.min(start, end), Math.max(start, end)]);
        expect(Array.from(text).slice(from, to).join('')).toBe(
          text.slice(Math.min(start, end), Math.max(start, end)),
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isCodePointBoundary', () => {
  it('is false inside a surrogate pair and outside the text', () => {
    expect(isCodePointBoundary('a🚀b', 2)).toBe(false);
    expect(isCodePointBoundary('a🚀b', 1)).toBe(true);
    expect(isCodePointBoundary('a🚀b', 3)).toBe(true);
    expect(isCodePointBoundary('a🚀b', 0)).toBe(true);
    expect(isCodePointBoundary('a🚀b', 4)).toBe(true);
    expect(isCodePointBoundary('a🚀b', 5)).toBe(false);
    expect(isCodePointBoundary('a🚀b', -1)).toBe(false);
  });
});
