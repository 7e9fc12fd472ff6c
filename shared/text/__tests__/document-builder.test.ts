import { describe, expect, it } from 'vitest';
import { Article } from '../../domain/article';
import { DocumentBuilder, flattenInlines } from '../document-builder';

describe('flattenInlines', () => {
  it('collapses whitespace the way a browser renders it and keeps hard breaks', () => {
    const { text } = flattenInlines([
      { text: '  Der  Umsatz\n stieg ' },
      { text: ' um 33 %' },
      { lineBreak: true },
      { text: '  Quelle: Firma ' },
    ]);
    expect(text).toBe('Der Umsatz stieg um 33 %\nQuelle: Firma');
  });

  it('normalises to NFC and drops soft hyphens, zero-width spaces and control characters', () => {
    const { text } = flattenInlines([{ text: 'Wachs\u00ADtum\u200B e\u0301t\u0007' }]);
    expect(text).toBe('Wachstum ét');
  });

  it('keeps http, https and mailto links as ranges of the visible text, nothing else', () => {
    const { text, links } = flattenInlines([
      { text: 'Siehe ' },
      { text: ' Bericht ', href: 'https://example.com/q3' },
      { text: 'und ' },
      { text: 'hier', href: 'java\tscript:alert(1)' },
      { text: ' oder ' },
      { text: 'Mail', href: 'mailto:ir@example.com' },
    ]);
    expect(text).toBe('Siehe Bericht und hier oder Mail');
    expect(links).toEqual([
      { start: 6, end: 13, href: 'https://example.com/q3' },
      { start: 28, end: 32, href: 'mailto:ir@example.com' },
    ]);
    expect(text.slice(6, 13)).toBe('Bericht');
    expect(text.slice(28, 32)).toBe('Mail');
  });

  it('keeps link ranges right around characters outside the basic plane', () => {
    const { text, links } = flattenInlines([
      { text: '📈 ' },
      { text: 'Kurs', href: 'https://x.de' },
    ]);
    expect(text.slice(links[0]!.start, links[0]!.end)).toBe('Kurs');
  });
});

describe('DocumentBuilder', () => {
  it('builds canonical text and blocks whose ranges hold exactly their text', () => {
    const doc = new DocumentBuilder()
      .heading(1, [{ text: 'Microsoft und OpenAI' }])
      .paragraph([{ text: '„Die Partnerschaft“ – sagt der CEO.' }], { page: 2 })
      .listItem([{ text: 'Azure' }], { ordered: false, depth: 0 })
      .listItem([{ text: 'Copilot' }], { ordered: false, depth: 1 })
      .quote([{ text: 'Wir investieren.' }])
      .preformatted('  code\n    indented\n')
      .table([
        [
          { inlines: [{ text: 'Jahr' }], header: true },
          { inlines: [{ text: 'Umsatz' }], header: true },
        ],
        [
          { inlines: [{ text: '2024' }], header: false },
          { inlines: [], header: false },
        ],
      ])
      .paragraph([{ text: '   ' }])
      .build();

    const article = Article.safeParse({
      id: '6f1c2a1e-8d2b-4c1a-9a8e-2f0b1c3d4e5f',
      title: 'T',
      source: null,
      author: null,
      publishedAt: null,
      language: 'de',
      url: null,
      tickers: [],
      companies: [],
      companiesStamp: null,
      tickersByAnalyst: false,
      importedAt: '2026-11-25T20:30:00.000Z',
      origin: { kind: 'paste', format: 'html' },
      contentHash: 'a'.repeat(64),
      wordCount: 1,
      versionOf: null,
      ...doc,
    });
    expect(article.success).toBe(true);
    const slice = (r: { start: number; end: number }) => doc.text.slice(r.start, r.end);
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'listItem',
      'listItem',
      'quote',
      'preformatted',
      'table',
    ]);
    expect(doc.blocks.map(slice).slice(0, 5)).toEqual([
      'Microsoft und OpenAI',
      '„Die Partnerschaft“ – sagt der CEO.',
      'Azure',
      'Copilot',
      'Wir investieren.',
    ]);
    expect(slice(doc.blocks[5]!)).toBe('  code\n    indented');
    expect(doc.blocks[1]).toMatchObject({ page: 2 });
    const table = doc.blocks[6]!;
    if (table.kind !== 'table') throw new Error('expected a table');
    expect(table.rows.map((row) => row.cells.map(slice))).toEqual([
      ['Jahr', 'Umsatz'],
      ['2024', ''],
    ]);
    expect(doc.text.split('\n\n')).toHaveLength(7);
  });
});

describe('repairing Windows-1252 read as Latin-1', () => {
  it('turns C1 controls into the characters meant and drops unused ones', () => {
    const { text } = flattenInlines([
      { text: 'Kursziel 210 \u0080 \u0084gut\u0093 \u0096 ok\u0081' },
    ]);
    expect(text).toBe('Kursziel 210 € „gut“ – ok');
  });
});

describe('flattenInlines fast path', () => {
  it('gives the same text with and without a link among the runs', () => {
    const runs = [
      { text: '  Der  Umsatz\n' },
      { lineBreak: true as const },
      { text: ' \n stieg ' },
      { lineBreak: true as const },
      { lineBreak: true as const },
      { text: ' um 33 % ' },
    ];
    const plain = flattenInlines(runs).text;
    const withLink = flattenInlines([...runs, { text: '', href: 'https://x.de' }]).text;
    expect(plain).toBe('Der Umsatz\nstieg\num 33 %');
    expect(withLink).toBe(plain);
  });
});

describe('safeLinkHref', () => {
  it('keeps http(s) and mailto, refuses scripts however they are spelled', async () => {
    const { safeLinkHref } = await import('../safe-link-href');
    expect(safeLinkHref(' https://example.com/a b ')).toBe('https://example.com/a%20b');
    expect(safeLinkHref('mailto:ir@example.com')).toBe('mailto:ir@example.com');
    expect(safeLinkHref('https://example.com/a?mail=ir@example.com')).toBe(
      'https://example.com/a?mail=ir@example.com',
    );
    for (const bad of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      ' jav\nascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '/relative',
      'https:///no-host',
      'https://bank.example@evil.example/login',
      'http://user:pass@example.com/',
    ]) {
      expect(safeLinkHref(bad), bad).toBeNull();
    }
  });
});
