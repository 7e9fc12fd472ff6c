import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatching, matchingText } from '../matching-text';

/** The real words behind the folded range where `words` (folded) is found. */
function realWordsOf(text: string, words: string): string {
  const matching = matchingText(text);
  const at = matching.folded.indexOf(foldForMatching(words));
  expect(at).not.toBe(-1);
  const { start, end } = matching.realRange(at, at + foldForMatching(words).length);
  return text.slice(start, end);
}

describe('matchingText', () => {
  it('folds Unicode spaces and runs of whitespace to one space', () => {
    expect(matchingText('a\u00A0b  c\n\nd\t \u2009e\u202Ff').folded).toBe('a b c d e f');
  });

  it('folds curly, low and angle quotes to straight ones', () => {
    expect(foldForMatching('‘a’ ‚b‛ “c” „d‟ «e» ‹f› it’s')).toBe(`'a' 'b' "c" "d" "e" 'f' it's`);
  });

  it('composes NFD to NFC', () => {
    const nfd = 'Mu\u0308ller a\u0300 la francaise, Hyundai \u1112\u1167\u11AB'.normalize('NFD');
    expect(matchingText(nfd).folded).toBe(nfd.normalize('NFC'));
  });

  it('drops invisible characters', () => {
    expect(foldForMatching('Wirt\u00ADschaft\u200B und\u2060 mehr\uFEFF')).toBe(
      'Wirtschaft und mehr',
    );
  });

  it('leaves text that needs no folding as it is', () => {
    const plain = 'Die Aktie stieg um 5 %, sagte er.';
    expect(foldForMatching(plain)).toBe(plain);
    expect(matchingText(plain).realRange(4, 9)).toEqual({ start: 4, end: 9 });
  });

  it('maps folded matches back to the real words, whitespace runs and marks included', () => {
    const real = 'Vorher\u00A0\u00A0„Mu\u0308ller  sagte:\n\nJa“ und nachher.';
    expect(realWordsOf(real, '"Müller sagte: Ja"')).toBe('„Mu\u0308ller  sagte:\n\nJa“');
    expect(realWordsOf(real, 'Müller')).toBe('Mu\u0308ller');
    expect(realWordsOf(real, 'und nachher')).toBe('und nachher');
  });

  it('maps real offsets to the folded offsets they fall into', () => {
    const matching = matchingText('ab  \n cd\u00ADe');
    expect(matching.folded).toBe('ab cde');
    expect([0, 2, 3, 5, 6, 8, 9, 10].map((r) => matching.foldedOffset(r))).toEqual([
      0, 2, 2, 2, 3, 5, 5, 6,
    ]);
  });

  it('keeps surrogate pairs whole and composes marks after them', () => {
    const real = 'x 📈\u0301 y';
    const matching = matchingText(real);
    expect(matching.folded).toBe(real.normalize('NFC'));
    expect(realWordsOf(real, '📈\u0301')).toBe('📈\u0301');
  });

  const alphabet = fc.constantFrom(
    ...['a', 'b', 'u', 'e', ' ', ' ', '\n', '\t', '\u00A0', '\u2009', '\u00AD', '\u200B'],
    ...['’', '‘', '“', '”', '„', '«', '»', '"', "'", '\u0308', '\u0301', '\u0327', '📈'],
  );
  const texts = fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join(''));

  it('folds a quote exactly as it folds the article (property)', () => {
    fc.assert(
      fc.property(texts, (text) => matchingText(text).folded === foldForMatching(text)),
      { seed: 20260201, numRuns: 2000 },
    );
  });

  /** Whether the real text behind each folded range folds back to (or around) that range. */
  const foldsBack = (exactly: boolean) => (text: string, a: number, b: number) => {
    const matching = matchingText(text);
    const length = matching.folded.length;
    if (length === 0) return true;
    const start = a % length;
    const end = start + 1 + (b % (length - start));
    const real = matching.realRange(start, end);
    if (!(0 <= real.start && real.start < real.end && real.end <= text.length)) return false;
    const back = foldForMatching(text.slice(real.start, real.end));
    const folded = matching.folded.slice(start, end);
    return exactly ? back === folded : back.includes(folded);
  };

  it('maps every folded range to real text that folds back to it (property)', () => {
    const withoutMarks = texts.map((t) => t.replace(/[\u0300-\u036F]/g, ''));
    fc.assert(fc.property(withoutMarks, fc.nat(), fc.nat(), foldsBack(true)), {
      seed: 20260202,
      numRuns: 2000,
    });
    // A range may end inside what composing made of several marks: it then maps to them all.
    fc.assert(fc.property(texts, fc.nat(), fc.nat(), foldsBack(false)), {
      seed: 20260203,
      numRuns: 2000,
    });
  });
});
