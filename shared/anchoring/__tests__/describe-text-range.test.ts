import { describe, expect, it } from 'vitest';
import { describeTextRange } from '../describe-text-range';

const text =
  'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und Marktbeobachter gleichermaßen alarmiert.';

describe('describeTextRange', () => {
  it('keeps the words, 32 characters of context each side and the position', () => {
    const start = text.indexOf('spürbaren');
    const end = start + 'spürbaren Rückgang'.length;
    expect(describeTextRange(text, start, end)).toEqual({
      quote: {
        exact: 'spürbaren Rückgang',
        prefix: 'von Microsoft erleben derzeit einen '.slice(-32),
        suffix: ', der Investoren und Marktbeobac',
      },
      position: { start, end },
    });
  });

  it('takes what context there is at either end of the text', () => {
    expect(describeTextRange(text, 0, 3).quote).toMatchObject({ exact: 'Die', prefix: '' });
    expect(describeTextRange(text, text.length - 10, text.length).quote).toMatchObject({
      exact: 'alarmiert.',
      suffix: '',
    });
    expect(describeTextRange('x', 0, 1)).toEqual({
      quote: { exact: 'x', prefix: '', suffix: '' },
      position: { start: 0, end: 1 },
    });
  });

  it.each([
    [5, 5],
    [6, 5],
    [-1, 3],
    [0, text.length + 1],
    [1.5, 4],
  ])('throws a RangeError for the range %s…%s', (start, end) => {
    expect(() => describeTextRange(text, start, end)).toThrow(RangeError);
  });

  it('throws a RangeError for a range that splits a surrogate pair', () => {
    const emoji = 'Kurs 📈 steigt';
    const at = emoji.indexOf('📈');
    expect(() => describeTextRange(emoji, at + 1, at + 4)).toThrow(RangeError);
    expect(() => describeTextRange(emoji, 0, at + 1)).toThrow(RangeError);
    expect(describeTextRange(emoji, at, at + 2).quote.exact).toBe('📈');
  });

  it('shortens the prefix rather than start it with half a surrogate pair', () => {
    // The emoji sits so that 32 code units before the quote fall between its two halves.
    const before = `📈${'a'.repeat(31)}`;
    const sample = `${before}QUOTE${'b'.repeat(40)}`;
    const start = before.length;
    const { prefix } = describeTextRange(sample, start, start + 5).quote;
    expect(prefix).toBe('a'.repeat(31));
    expect(prefix.length).toBe(31);
  });

  it('keeps a whole surrogate pair that fits in the prefix', () => {
    const before = `x📈${'a'.repeat(30)}`;
    const sample = `${before}QUOTE`;
    const { prefix } = describeTextRange(sample, before.length, before.length + 5).quote;
    expect(prefix).toBe(`📈${'a'.repeat(30)}`);
  });

  it('shortens the suffix rather than end it with half a surrogate pair', () => {
    const after = `${'b'.repeat(31)}📈 tail`;
    const sample = `QUOTE${after}`;
    const { suffix } = describeTextRange(sample, 0, 5).quote;
    expect(suffix).toBe('b'.repeat(31));
    const fits = describeTextRange(`QUOTE${'b'.repeat(30)}📈 tail`, 0, 5).quote.suffix;
    expect(fits).toBe(`${'b'.repeat(30)}📈`);
  });
});
