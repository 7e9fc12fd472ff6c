import { describe, expect, it } from 'vitest';
import { dropRunningLines } from '../pdf/drop-running-lines';
import { fixLigatures } from '../pdf/fix-ligatures';
import { joinWrappedLine } from '../pdf/join-wrapped-line';
import { linesToBlocks } from '../pdf/lines-to-blocks';
import { pageLines, type PdfLine, type PdfTextItem } from '../pdf/page-lines';
import { pdfMetadata } from '../pdf/pdf-metadata';

/** An upright text item as pdf.js reports it; Helvetica-ish width of half an em a char. */
function item(str: string, x: number, y: number, size = 10): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size };
}

const texts = (lines: readonly PdfLine[]) => lines.map((line) => line.text);

/** A simple column of lines, one item each, 12 pt apart. */
const column = (lines: string[], top = 700) => lines.map((text, i) => item(text, 72, top - i * 12));

describe('joinWrappedLine', () => {
  it.each([
    ['Das Wachs-', 'tum war stark', 'Das Wachstum war stark'],
    ['die Cloud-', 'Dienste wuchsen', 'die Cloud-Dienste wuchsen'],
    ['die Vor-', 'und Nachteile', 'die Vor- und Nachteile'],
    ['pre-', 'and post-merger', 'pre- and post-merger'],
    ['im Zeitraum 2023-', '2025 stabil', 'im Zeitraum 2023-2025 stabil'],
    ['Soft\u00AD', 'hyphen', 'Softhyphen'],
    ['the margin', 'widened', 'the margin widened'],
    ['up strongly –', 'a record', 'up strongly – a record'],
    ['trailing  ', '  leading', 'trailing leading'],
  ])('%j + %j → %j', (text, next, joined) => {
    expect(joinWrappedLine(text, next)).toBe(joined);
  });

  it('keeps a hyphen the document writes elsewhere inside a line', () => {
    const words = new Set(['bolt-on', 'state-of-the-art']);
    expect(joinWrappedLine('small bolt-', 'on deals', words)).toBe('small bolt-on deals');
    expect(joinWrappedLine('a state-of-', 'the-art plant', words)).toBe('a state-of-the-art plant');
    expect(joinWrappedLine('Wachs-', 'tum', words)).toBe('Wachstum');
  });
});

describe('fixLigatures', () => {
  it('spells out the Latin ligatures and nothing else', () => {
    expect(fixLigatures('\uFB00 \uFB01 \uFB02 \uFB03 \uFB04 \uFB05 \uFB06')).toBe(
      'ff fi fl ffi ffl st st',
    );
    expect(fixLigatures('Eﬃzienz ﬁnal, 5 m² und ½ Anteil, Ａ')).toBe(
      'Effizienz final, 5 m² und ½ Anteil, Ａ',
    );
  });
});

describe('pdfMetadata', () => {
  it('takes the calendar date as written, without moving it to UTC', () => {
    expect(pdfMetadata({ CreationDate: "D:20240115003000+02'00'" }).publishedAt).toBe('2024-01-15');
    expect(pdfMetadata({ CreationDate: 'D:20231231' }).publishedAt).toBe('2023-12-31');
  });

  it.each(['D:2024', 'D:20241315', 'D:20240230', 'gestern', ''])('ignores the date %j', (date) => {
    expect(pdfMetadata({ CreationDate: date }).publishedAt).toBeUndefined();
  });

  it.each([
    'Microsoft Word - Q3 Bericht.docx',
    'Microsoft PowerPoint - Investor Day',
    'Q3_final_v2.pdf',
    'Untitled',
    'Unbenannt 3',
    '   ',
    '123',
  ])('ignores the junk title %j', (title) => {
    expect(pdfMetadata({ Title: title }).title).toBeUndefined();
  });

  it('cleans title and author and reads the language code', () => {
    expect(
      pdfMetadata({ Title: '  Siemens:\u0000 Kaufen ', Author: ' A. Analyst ', Language: 'de-DE' }),
    ).toEqual({ title: 'Siemens: Kaufen', author: 'A. Analyst', language: 'de' });
    expect(pdfMetadata(null)).toEqual({});
  });
});

describe('pageLines', () => {
  it('joins items of one line, superscripts included, with spaces only at word gaps', () => {
    const items = [
      item('Umsatz', 72, 700),
      item('stieg', 72 + 35, 700),
      item('1', 72 + 60, 703.5, 6),
      item('Kern', 72 + 70, 700),
      item('geschäft', 72 + 90, 700),
    ];
    expect(texts(pageLines(items, 1))).toEqual(['Umsatz stieg1 Kerngeschäft']);
  });

  it('reads three columns written row by row column after column', () => {
    const columns = ['links', 'mitte', 'rechts'].map((name, c) =>
      Array.from({ length: 5 }, (_, row) =>
        item(`${name} Zeile ${row + 1} mit etwas Text`, 50 + c * 170, 700 - row * 12),
      ),
    );
    const rowWise = Array.from({ length: 5 }, (_, row) => columns.map((col) => col[row]!)).flat();

    const lines = pageLines(rowWise, 1);

    expect(texts(lines)).toEqual(columns.flat().map((it) => it.str));
    expect(new Set(lines.map((line) => line.region)).size).toBe(3);
  });

  it('does not split a table with a narrow column of figures into columns', () => {
    const rows = [
      'Umsatz im Konzern',
      'Bruttoergebnis vom Umsatz',
      'EBIT bereinigt um Sondereffekte',
    ];
    const items = rows.flatMap((label, i) => [
      item(label, 72, 700 - i * 12),
      item('1.234', 400, 700 - i * 12),
    ]);
    expect(texts(pageLines(items, 1))).toEqual(rows.map((label) => `${label} 1.234`));
  });

  it('reads a page whose text runs bottom to top, and drops a note in another direction', () => {
    const rotated = (str: string, x: number, y: number): PdfTextItem => ({
      str,
      transform: [0, 10, -10, 0, x, y],
      width: str.length * 5,
      height: 10,
    });
    const items = [
      rotated('erste Zeile der gedrehten Seite', 100, 100),
      rotated('zweite Zeile der gedrehten Seite', 112, 100),
      rotated('dritte Zeile', 124, 100),
      item('Randnotiz', 20, 20, 6),
    ];
    expect(texts(pageLines(items, 1))).toEqual([
      'erste Zeile der gedrehten Seite',
      'zweite Zeile der gedrehten Seite',
      'dritte Zeile',
    ]);
  });
});

describe('dropRunningLines', () => {
  /** Body lines that differ only in their numbers, but the numbers are not page numbers. */
  const body = (n: number) => [
    `Die Marge stieg um ${n * 7 + 3} Prozent.`,
    'Fazit: Kaufen.',
    `Ziel ${200 - n * 9} Euro.`,
  ];
  const page = (n: number) =>
    pageLines(
      [
        item('Bank AG Research – Oktober 2024', 72, 800, 8),
        ...column(body(n)),
        // The cover is not numbered: the PDF's page n is printed as n - 1.
        item(`Seite ${n - 1} von 4`, 280, 40, 8),
      ],
      n,
    );

  it('drops headers and page numbers that repeat at the same height, and keeps the text', () => {
    const pages = dropRunningLines([1, 2, 3, 4, 5].map(page));
    expect(pages.map(texts)).toEqual([1, 2, 3, 4, 5].map(body));
  });

  it('keeps everything in a document too short to tell', () => {
    const pages = [page(1), page(2)];
    expect(dropRunningLines(pages)).toEqual(pages);
  });
});

describe('linesToBlocks', () => {
  const line = (text: string, x: number, y: number, size = 10): PdfLine => ({
    text,
    x0: x,
    x1: x + text.length * size * 0.5,
    y,
    size,
    page: 1,
    region: 0,
  });

  it('starts a paragraph at a gap, keeps bullet items apart and their wrapped lines together', () => {
    const lines = [
      line('Ergebnis', 72, 760, 16),
      line('Der erste Absatz hat zwei Zeilen, die ohne Abstand aufeinander', 72, 736),
      line('folgen und zusammengehören.', 72, 724),
      line('Nach einem Abstand folgt der zweite Absatz, der auch weitergeht', 72, 700),
      line('und hier endet.', 72, 688),
      line('• Erster Punkt, der so lang ist, dass er in eine zweite Zeile', 72, 676),
      line('umbricht und eingerückt weitergeht, auch noch in eine', 82, 664),
      line('dritte Zeile.', 82, 652),
      line('• Zweiter Punkt.', 72, 640),
    ];
    expect(linesToBlocks([lines])).toEqual([
      { kind: 'heading', level: 1, text: 'Ergebnis', page: 1 },
      {
        kind: 'paragraph',
        level: 0,
        text: 'Der erste Absatz hat zwei Zeilen, die ohne Abstand aufeinander folgen und zusammengehören.',
        page: 1,
      },
      {
        kind: 'paragraph',
        level: 0,
        text: 'Nach einem Abstand folgt der zweite Absatz, der auch weitergeht und hier endet.',
        page: 1,
      },
      {
        kind: 'paragraph',
        level: 0,
        text: '• Erster Punkt, der so lang ist, dass er in eine zweite Zeile umbricht und eingerückt weitergeht, auch noch in eine dritte Zeile.',
        page: 1,
      },
      { kind: 'paragraph', level: 0, text: '• Zweiter Punkt.', page: 1 },
    ]);
  });

  it('numbers heading levels by size, largest first', () => {
    const lines = [
      line('Titel', 72, 780, 24),
      line('Abschnitt', 72, 740, 14),
      ...Array.from({ length: 6 }, (_, i) =>
        line(`Fließtext Zeile ${i + 1} des Abschnitts`, 72, 720 - i * 12),
      ),
    ];
    expect(linesToBlocks([lines]).map(({ kind, level }) => [kind, level])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['paragraph', 0],
    ]);
  });
});
