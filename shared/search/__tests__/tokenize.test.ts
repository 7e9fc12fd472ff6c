import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize';

const words = (text: string) => tokenize(text).map((t) => (t.compound ? `[${t.text}]` : t.text));

describe('tokenize', () => {
  it('gives each word with its offsets in the original text', () => {
    const text = 'Der Rückgang, «l’œuvre»!';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Der', 'Rückgang', 'l', 'œuvre']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps numbers whole and drops their symbols', () => {
    expect(words('Marge 20% (2,5 Mrd. €), 1.000.000 Aktien, Q3 2025.')).toEqual([
      'Marge',
      '20',
      '2,5',
      'Mrd',
      '1.000.000',
      'Aktien',
      'Q3',
      '2025',
    ]);
  });

  it('splits hyphenated compounds and reports the whole compound after its parts', () => {
    const tokens = tokenize('Die Microsoft-Aktie und Künstliche-Intelligenz-Unternehmen');
    expect(tokens.map((t) => (t.compound ? `[${t.text}]` : t.text))).toEqual([
      'Die',
      'Microsoft',
      'Aktie',
      '[Microsoft-Aktie]',
      'und',
      'Künstliche',
      'Intelligenz',
      'Unternehmen',
      '[Künstliche-Intelligenz-Unternehmen]',
    ]);
    expect(tokens[3]).toMatchObject({ start: 4, end: 19 });
  });

  it('does not join at a dash or a dangling hyphen', () => {
    expect(words('2020–2024 und -Aktie Cloud-')).toEqual(['2020', '2024', 'und', 'Aktie', 'Cloud']);
  });

  it('keeps combining marks inside their word, and astral letters', () => {
    expect(words('Ru\u0308ckgang 𝐀𝐁 中文')).toEqual(['Ru\u0308ckgang', '𝐀𝐁', '中文']);
  });
});
