import { describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../document-builder';
import { normalizeArticleText } from '../normalize-article-text';
import { safeLinkHref } from '../safe-link-href';

/**
 * Trailing-space trimming on inputs the importer fuzzer found: a long run of spaces that
 * does not end a line. The naive `/[ \t]+$/gm` retries from every space of the run, so
 * these took minutes; each must come back at once and trim exactly as before.
 */
const RUN = ' '.repeat(400_000);

describe('trimming trailing whitespace stays linear', () => {
  it('in article text', () => {
    expect(normalizeArticleText(`Umsatz${RUN}stieg \t\nauf 4,2 Mrd. €  `)).toBe(
      `Umsatz${RUN}stieg\nauf 4,2 Mrd. €`,
    );
  });

  it('in preformatted blocks', () => {
    const built = new DocumentBuilder().preformatted(`a${RUN}b  \nc `).build();
    expect(built.text).toBe(`a${RUN}b\nc`);
  });

  it('in link targets', () => {
    expect(safeLinkHref(`https://example.com/a${'\u0001'.repeat(100_000)}b  `)).toBe(
      'https://example.com/ab',
    );
    // Too long once its spaces are encoded: refused, and at once.
    expect(safeLinkHref(`https://example.com/x${' '.repeat(100_000)}y`)).toBeNull();
  });
});
