import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../parse-markdown';

const RESEARCH_NOTE = `---
title: "Siemens Energy: Auftragsbestand trägt die Marge"
authors:
  - Jana Köhler
  - Max Weiß
publisher: Equity Research Notes
date: 2024-03-15T08:30:00+01:00
lang: de-DE
url: https://notes.example.com/siemens-energy
---
# Siemens Energy – Kurzeinschätzung

Der Auftragsbestand liegt bei **123 Mrd. €**, die Marge steigt auf 6,5 %.
Quelle: [Geschäftsbericht](https://www.siemens-energy.com/bericht.pdf), siehe auch [Notiz](./notiz.md).

## Thesen

1. Netzgeschäft wächst zweistellig
   - Grid Technologies: „Rekordauftrag“ aus Großbritannien
   - Transformation of Industry
2. Windsparte bleibt das Risiko
- [x] Modell aktualisiert
- [ ] Management-Call

> „Wir sehen keine weiteren Sonderbelastungen“, sagte der Finanzvorstand.

| Kennzahl | 2023 | 2024e |
| --- | ---: | ---: |
| Umsatz (Mrd. €) | 31,1 | 34,5 |
| EBITA-Marge | 2,1 % | 6,5 % |

\`\`\`python
margin = ebita / revenue
print(f"{margin:.1%}")
\`\`\`

---

Fußnote zum Kurs[^kurs] und Bild: ![Umsatzkurve nach Segment](chart.png)

[^kurs]: Schlusskurs vom 14.03.2024.
`;

describe('parseMarkdown', () => {
  it('converts a German research note into blocks, links and front-matter metadata', () => {
    const doc = parseMarkdown(RESEARCH_NOTE);
    const blockText = doc.blocks.map((b) => ({
      kind: b.kind,
      text: doc.text.slice(b.start, b.end),
    }));

    expect(doc.metadata).toEqual({
      title: 'Siemens Energy: Auftragsbestand trägt die Marge',
      author: 'Jana Köhler, Max Weiß',
      source: 'Equity Research Notes',
      publishedAt: '2024-03-15',
      language: 'de',
      url: 'https://notes.example.com/siemens-energy',
    });
    expect(blockText).toEqual([
      { kind: 'heading', text: 'Siemens Energy – Kurzeinschätzung' },
      {
        kind: 'paragraph',
        text:
          'Der Auftragsbestand liegt bei 123 Mrd. €, die Marge steigt auf 6,5 %. ' +
          'Quelle: Geschäftsbericht, siehe auch Notiz.',
      },
      { kind: 'heading', text: 'Thesen' },
      { kind: 'listItem', text: 'Netzgeschäft wächst zweistellig' },
      { kind: 'listItem', text: 'Grid Technologies: „Rekordauftrag“ aus Großbritannien' },
      { kind: 'listItem', text: 'Transformation of Industry' },
      { kind: 'listItem', text: 'Windsparte bleibt das Risiko' },
      { kind: 'listItem', text: '[x] Modell aktualisiert' },
      { kind: 'listItem', text: '[ ] Management-Call' },
      {
        kind: 'quote',
        text: '„Wir sehen keine weiteren Sonderbelastungen“, sagte der Finanzvorstand.',
      },
      {
        kind: 'table',
        text: 'Kennzahl\t2023\t2024e\nUmsatz (Mrd. €)\t31,1\t34,5\nEBITA-Marge\t2,1 %\t6,5 %',
      },
      { kind: 'preformatted', text: 'margin = ebita / revenue\nprint(f"{margin:.1%}")' },
      { kind: 'paragraph', text: 'Fußnote zum Kurs[kurs] und Bild: Umsatzkurve nach Segment' },
      { kind: 'paragraph', text: '[kurs] Schlusskurs vom 14.03.2024.' },
    ]);

    const items = doc.blocks.filter((b) => b.kind === 'listItem');
    expect(items.map((b) => [b.ordered, b.depth])).toEqual([
      [true, 0],
      [false, 1],
      [false, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.rows[0]?.cells.every((c) => c.header)).toBe(true);
    expect(table?.rows[1]?.cells.some((c) => c.header)).toBe(false);

    // The relative link has no address to resolve against: it stays as plain text.
    expect(doc.links).toEqual([
      {
        start: doc.text.indexOf('Geschäftsbericht'),
        end: doc.text.indexOf('Geschäftsbericht') + 'Geschäftsbericht'.length,
        href: 'https://www.siemens-energy.com/bericht.pdf',
      },
    ]);
  });

  it('keeps hard breaks, resolves reference links and reads a byte-order mark', () => {
    const doc = parseMarkdown(
      '\uFEFF---\ntitle: Kurz\n---\nErste Zeile  \nzweite Zeile\\\ndritte\n\n[Bericht][r]\n\n[r]: https://example.com/r "Titel"\n',
    );
    expect(doc.metadata.title).toBe('Kurz');
    expect(doc.text).toBe('Erste Zeile\nzweite Zeile\ndritte\n\nBericht');
    expect(doc.links).toEqual([{ start: 33, end: 40, href: 'https://example.com/r' }]);
  });

  it('imports the body when the front matter is not valid YAML', () => {
    const doc = parseMarkdown('---\ntitle: [unclosed\n  : : :\n---\n# Titel\n\nText.\n');
    expect(doc.metadata).toEqual({});
    expect(doc.text).toBe('Titel\n\nText.');
  });

  it('ignores front matter that is not a mapping or expands aliases without end', () => {
    expect(parseMarkdown('---\n- a\n- b\n---\nText\n').metadata).toEqual({});
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'title: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const doc = parseMarkdown(`---\n${laughs}\n---\nText\n`);
    expect(doc.metadata).toEqual({});
    expect(doc.text).toBe('Text');
  });

  it('reads the other front-matter spellings: German dates, author objects, source URLs', () => {
    const doc = parseMarkdown(
      [
        '---',
        'Title: Notiz',
        'author:',
        '  name: Jana Köhler',
        'source: https://www.handelsblatt.com/artikel',
        'site: Handelsblatt',
        'published: 15.03.2024',
        'language: EN',
        '---',
        'Text',
      ].join('\n'),
    );
    expect(doc.metadata).toEqual({
      title: 'Notiz',
      author: 'Jana Köhler',
      source: 'Handelsblatt',
      publishedAt: '2024-03-15',
      language: 'en',
      url: 'https://www.handelsblatt.com/artikel',
    });
    expect(
      parseMarkdown('---\ndate: 2024-02-30\nurl: ftp://x.example\n---\nText').metadata,
    ).toEqual({});
  });

  it('never turns hostile Markdown into links or markup', () => {
    const hostile = [
      '[a](javascript:alert(1)) [b](java&#x09;script:alert(2)) [c](JAVASCRIPT:alert(3))',
      '[d](data:text/html;base64,PHNjcmlwdD4=) [e](vbscript:msgbox) [f](//evil.example/x)',
      '<javascript:alert(4)> <https://ok.example/path> <mailto:ir@example.com> www.example.org',
      '',
      '<script>window.__pwned=1</script>',
      '',
      'Inline <img src=x onerror="window.__pwned=2"> and <a href="javascript:alert(5)">g</a>.',
      '',
      '[ref]: javascript:alert(6)',
      '',
      'A [ref] link.',
    ].join('\n');
    const doc = parseMarkdown(hostile);

    for (const link of doc.links) expect(link.href).toMatch(/^(?:https?:\/\/|mailto:)/);
    expect(doc.links.map((l) => l.href)).toEqual([
      'https://ok.example/path',
      'mailto:ir@example.com',
      'http://www.example.org/',
    ]);
    expect(doc.text).toContain('<script>window.__pwned=1</script>');
    expect(doc.text).toContain('<img src=x onerror="window.__pwned=2">');
    expect(doc.text).toContain('<a href="javascript:alert(5)">g</a>');
    expect(doc.text).toContain('javascript:alert(4)');
    expect(doc.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('flattens absurd nesting instead of overflowing the stack', () => {
    const doc = parseMarkdown(`${'>'.repeat(1000)} tief\n`);
    expect(doc.text).toBe('tief');
    expect(doc.blocks).toHaveLength(1);
  });

  it('returns an empty document for Markdown without text', () => {
    const doc = parseMarkdown('---\ntitle: Leer\n---\n\n---\n\n![](bild.png)\n');
    expect(doc.text).toBe('');
    expect(doc.blocks).toEqual([]);
    expect(doc.metadata.title).toBe('Leer');
  });
});
