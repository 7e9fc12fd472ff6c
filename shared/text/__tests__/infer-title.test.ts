import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLeadingHeadline, inferTitle, INFERRED_TITLE_MAX_CHARS } from '../infer-title';
import { normalizeArticleText } from '../normalize-article-text';

const seed = normalizeArticleText(
  readFileSync(new URL('../../../seeds/microsoft-openai-de.txt', import.meta.url), 'utf8'),
);

describe('inferTitle', () => {
  it('never comes back empty, even for noise that starts with a full stop (found by fuzzing)', () => {
    const noise = '.Û^ôú‘¨ËpÂms )–‰@í”éÞ²êW^±—§;w”È"g6×Þdy »Ÿü…âìÊæ2P¸J“ÿgeñŸÀiä';
    expect(inferTitle(noise).trim()).not.toBe('');
    expect(inferTitle('.').trim()).toBe('.');
  });

  it('uses a first line that looks like a headline', () => {
    expect(
      inferTitle('Microsoft-Aktie fällt: Risse in der OpenAI-Partnerschaft\n\nDie Aktien fallen.'),
    ).toBe('Microsoft-Aktie fällt: Risse in der OpenAI-Partnerschaft');
  });

  it('accepts a headline that asks a question', () => {
    expect(inferTitle('Is Azure growth peaking?\nAnalysts disagree.')).toBe(
      'Is Azure growth peaking?',
    );
  });

  it('cuts the seed article’s first sentence at a word boundary (it has no headline)', () => {
    const title = inferTitle(seed);
    expect(title).toBe(
      'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und…',
    );
    expect(title.length).toBeLessThanOrEqual(INFERRED_TITLE_MAX_CHARS);
  });

  it('uses a short first sentence whole, without its full stop', () => {
    expect(inferTitle('Apple hebt die Dividende an. Der Vorstand begründet das mit Zahlen.')).toBe(
      'Apple hebt die Dividende an',
    );
  });

  it('does not take running prose ending in a full stop for a headline', () => {
    expect(inferTitle('Shares fell 4% on Tuesday.\nThe company said more.')).toBe(
      'Shares fell 4% on Tuesday',
    );
  });

  it('never exceeds 90 characters, even without spaces', () => {
    const title = inferTitle('日本の半導体メーカーは'.repeat(20) + '。');
    expect(Array.from(title).length).toBeLessThanOrEqual(INFERRED_TITLE_MAX_CHARS);
    expect(title.endsWith('…')).toBe(true);
  });

  it('does not mistake the first line of a wrapped paragraph for a headline', () => {
    expect(inferTitle('Die Fed\nsenkt die Zinsen. Mehr dazu.\n\nZweiter Absatz.')).toBe(
      'Die Fed senkt die Zinsen',
    );
  });

  it('does not call a one-paragraph text its own headline', () => {
    expect(inferTitle('Kurze Meldung ohne Punkt')).toBe('Kurze Meldung ohne Punkt');
  });
});

describe('findLeadingHeadline', () => {
  it('marks a headline paragraph as the level-1 heading, as a range of the text', () => {
    const text = 'Airbus relève ses prévisions\n\nLe constructeur a livré 218 appareils.';
    expect(findLeadingHeadline(text)).toEqual({ kind: 'heading', level: 1, start: 0, end: 28 });
  });

  it('finds a headline line sitting on top of its first paragraph', () => {
    const text =
      'Airbus relève ses prévisions\nLe constructeur a livré 218 appareils au troisième trimestre, plus que prévu.\n\nSuite.';
    expect(findLeadingHeadline(text)).toEqual({ kind: 'heading', level: 1, start: 0, end: 28 });
    expect(inferTitle(text)).toBe('Airbus relève ses prévisions');
  });

  it('does not take the first line of a hard-wrapped paragraph for a headline', () => {
    const wrapped =
      'The company reported third quarter revenue of\nUSD 4.2bn, up 12% year on year, driven by\ncloud demand.\n\nMore.';
    expect(findLeadingHeadline(wrapped)).toBeNull();
    expect(inferTitle(wrapped)).toBe(
      'The company reported third quarter revenue of USD 4.2bn, up 12% year on year, driven by…',
    );
  });

  it('finds none in prose, nor in a text of one paragraph', () => {
    expect(findLeadingHeadline(seed)).toBeNull();
    expect(findLeadingHeadline('Nur eine Zeile ohne Punkt')).toBeNull();
  });
});
