import { describe, expect, it } from 'vitest';
import { countWords } from '../count-words';

describe('countWords', () => {
  it('counts words and numbers, not punctuation or symbols', () => {
    expect(countWords('Der Umsatz stieg um 5,3 % auf 4,2 Mrd. €.', 'de')).toBe(8);
  });

  it('gives the same count for a long article as for its paragraphs one by one', () => {
    const paragraph =
      'Die Aktie der Münchener Rück stieg um 5 %. Größere Übernahmen sind geplant; der Vorstand äußerte sich zuversichtlich.';
    const line = Array.from({ length: 60 }, () => paragraph).join(' '); // one 7,000-character line
    const text = Array.from({ length: 40 }, () => line).join('\n\n');
    expect(countWords(text, 'de')).toBe(40 * 60 * countWords(paragraph, 'de'));
  });
});
