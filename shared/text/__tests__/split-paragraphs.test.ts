import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../split-paragraphs';

const texts = (text: string) => splitParagraphs(text).map((b) => text.slice(b.start, b.end));

describe('splitParagraphs', () => {
  it('splits at blank lines and keeps wrapped lines together', () => {
    expect(texts('One line\nwrapped.\n\nTwo.')).toEqual(['One line\nwrapped.', 'Two.']);
  });

  it('treats every line as a paragraph when there is no blank line', () => {
    expect(texts('Erster Absatz.\nZweiter Absatz.\nDritter.')).toEqual([
      'Erster Absatz.',
      'Zweiter Absatz.',
      'Dritter.',
    ]);
  });

  it('returns ranges into the text, ordered, without surrounding whitespace', () => {
    const text = '  Eins.\n\n   \n\nZwei.  ';
    const blocks = splitParagraphs(text);
    expect(texts(text)).toEqual(['Eins.', 'Zwei.']);
    expect(blocks.every((b, i) => i === 0 || b.start >= blocks[i - 1]!.end)).toBe(true);
  });

  it('returns one paragraph for a single line and none for blank text', () => {
    expect(texts('Nur ein Satz.')).toEqual(['Nur ein Satz.']);
    expect(splitParagraphs('   ')).toEqual([]);
  });
});
