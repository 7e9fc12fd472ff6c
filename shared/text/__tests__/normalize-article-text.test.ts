import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeArticleText } from '../normalize-article-text';

const seed = readFileSync(
  new URL('../../../seeds/microsoft-openai-de.txt', import.meta.url),
  'utf8',
);

describe('normalizeArticleText', () => {
  it('composes umlauts to NFC', () => {
    const decomposed = 'Ru\u0308ckgang gro\u00DF';
    expect(normalizeArticleText(decomposed)).toBe('R\u00FCckgang gro\u00DF');
  });

  it('normalises Windows and old Mac line endings', () => {
    expect(normalizeArticleText('eins\r\nzwei\rdrei')).toBe('eins\nzwei\ndrei');
  });

  it('removes soft hyphens, zero-width spaces and stray BOMs but keeps ZWJ', () => {
    expect(normalizeArticleText('\uFEFFKünst\u00ADliche In\u200Btelligenz 👩\u200D💻')).toBe(
      'Künstliche Intelligenz 👩\u200D💻',
    );
  });

  it('trims trailing spaces, blank lines at both ends and runs of blank lines', () => {
    expect(normalizeArticleText('\n\n  Titel  \n\n\n\nAbsatz.\t\n\n')).toBe('  Titel\n\nAbsatz.');
  });

  it('keeps quotes, dashes and currency signs as they are', () => {
    const text = '„Zitat“ – 5 € « guillemets » œuvre';
    expect(normalizeArticleText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = normalizeArticleText('a\r\n\r\n\r\nb\u00AD  \n');
    expect(normalizeArticleText(once)).toBe(once);
  });

  it('leaves the seed article as it is, but for its final newline', () => {
    expect(normalizeArticleText(seed)).toBe(seed.replace(/\n$/, ''));
  });
});
