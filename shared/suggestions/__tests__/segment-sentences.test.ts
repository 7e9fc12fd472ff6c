import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../segment-sentences';

const sentences = (text: string, language: string) =>
  segmentSentences(text, language).map(({ start, end }) => text.slice(start, end));

describe('sentences of an article, per its language', () => {
  it('German: abbreviations, amounts with decimal commas, ordinals and initials stay inside', () => {
    expect(
      sentences(
        'Der Umsatz stieg z. B. um 3,5 Mrd. Euro im Q3. Laut Dr. Müller ist das gut, d. h. solide. ' +
          'Die U.S. Wirtschaft wächst seit dem 3. März bzw. dem 2. Quartal. ' +
          'Analysten von J. P. Morgan erwarten ca. 20 % mehr. Neuer Satz.',
        'de',
      ),
    ).toEqual([
      'Der Umsatz stieg z. B. um 3,5 Mrd. Euro im Q3.',
      'Laut Dr. Müller ist das gut, d. h. solide.',
      'Die U.S. Wirtschaft wächst seit dem 3. März bzw. dem 2. Quartal.',
      'Analysten von J. P. Morgan erwarten ca. 20 % mehr.',
      'Neuer Satz.',
    ]);
  });

  it('English: U.S., e.g., titles and decimal points', () => {
    expect(
      sentences(
        'Revenue rose 12% to $4.5 bn in Q3, according to Mr. Smith. The U.S. economy grew, e.g. in retail. ' +
          'Margins fell 1.2 points vs. last year! Will it last? Analysts expect so.',
        'en-US',
      ),
    ).toEqual([
      'Revenue rose 12% to $4.5 bn in Q3, according to Mr. Smith.',
      'The U.S. economy grew, e.g. in retail.',
      'Margins fell 1.2 points vs. last year!',
      'Will it last?',
      'Analysts expect so.',
    ]);
  });

  it('French: M., p. ex. and amounts', () => {
    expect(
      sentences(
        "Le chiffre d'affaires a progressé de 3,5 Mds. d'euros, selon M. Dupont. " +
          'La croissance attendue est de 5 %, p. ex. en Europe. Une baisse reste possible.',
        'fr',
      ),
    ).toEqual([
      "Le chiffre d'affaires a progressé de 3,5 Mds. d'euros, selon M. Dupont.",
      'La croissance attendue est de 5 %, p. ex. en Europe.',
      'Une baisse reste possible.',
    ]);
  });

  it('gives spans of the text itself: trimmed, in order, never across a paragraph', () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../../seeds/microsoft-openai-de.txt'),
      'utf8',
    );
    const spans = segmentSentences(text, 'de');
    expect(spans.length).toBe(30);
    let previousEnd = 0;
    for (const { start, end } of spans) {
      const sentence = text.slice(start, end);
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(sentence).toBe(sentence.trim());
      expect(sentence).not.toContain('\n');
      expect(sentence).toMatch(/^\p{Lu}/u);
      expect(sentence).toMatch(/[.!?]$/);
      previousEnd = end;
    }
    // Together the sentences hold every word of the article.
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(spans.flatMap(({ start, end }) => words(text.slice(start, end)))).toEqual(words(text));
  });

  it('keeps a line without a full stop (a heading) as one sentence, and skips blank lines', () => {
    const text = 'Ausblick 2027\n\nDie Marge dürfte steigen. Das Risiko bleibt.\n';
    expect(sentences(text, 'de')).toEqual([
      'Ausblick 2027',
      'Die Marge dürfte steigen.',
      'Das Risiko bleibt.',
    ]);
  });

  it('falls back to English rules for a language it has no abbreviations for', () => {
    expect(sentences('Sales rose, e.g. in Spain. Costs fell.', 'es')).toEqual([
      'Sales rose, e.g. in Spain.',
      'Costs fell.',
    ]);
  });
});
