import { describe, expect, it } from 'vitest';
import type { HighlightSelectors } from '../../domain/highlight';
import { anchorHighlight, anchorHighlights } from '../anchor-highlights';
import { describeTextRange } from '../describe-text-range';

const article = [
  'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und Marktbeobachter gleichermaßen alarmiert.',
  'Im Zentrum dieser Entwicklung steht die komplexe Beziehung zu OpenAI, einem der innovativsten KI-Unternehmen weltweit.',
  'Microsoft hat in den letzten Jahren massiv in OpenAI investiert und sich als exklusiver Cloud-Anbieter positioniert.',
  'Ein wesentliches Problem besteht darin, dass OpenAI immer stärker als eigenständiger Akteur wahrgenommen wird.',
].join('\n\n');

/** Selectors for each of `quotes`, at its first occurrence in `text`. */
const select = (text: string, ...quotes: string[]): HighlightSelectors[] =>
  quotes.map((q) => {
    const start = text.indexOf(q);
    expect(start).not.toBe(-1);
    return describeTextRange(text, start, start + q.length);
  });

const words = (text: string, anchor: { start: number; end: number } | null) =>
  anchor && text.slice(anchor.start, anchor.end);

const QUOTES = [
  'spürbaren Rückgang',
  'die komplexe Beziehung zu OpenAI',
  'massiv in OpenAI investiert',
  'eigenständiger Akteur',
];

describe('anchorHighlights', () => {
  it('anchors by position in unchanged text', () => {
    const selectors = select(article, ...QUOTES);
    expect(anchorHighlights(article, selectors)).toEqual(
      selectors.map((s) => ({ ...s.position, method: 'position' })),
    );
  });

  it('finds the quotes after an insertion early in the text shifted every position', () => {
    const selectors = select(article, ...QUOTES);
    const edited = `Eilmeldung: Die Börse reagiert.\n\n${article}`;
    const anchors = anchorHighlights(edited, selectors);
    expect(anchors.map((a) => a?.method)).toEqual(['quote', 'quote', 'quote', 'quote']);
    expect(anchors.map((a) => words(edited, a))).toEqual(QUOTES);
  });

  it('returns the anchors in input order, whatever the document order', () => {
    const selectors = select(article, ...QUOTES).reverse();
    const edited = article.replace('derzeit', 'seit Wochen');
    expect(anchorHighlights(edited, selectors).map((a) => words(edited, a))).toEqual(
      [...QUOTES].reverse(),
    );
  });

  it('anchors in the real text after whitespace, quotes and composition changed', () => {
    const quoted = article.replace('komplexe Beziehung', '„komplexe“ Beziehung');
    const selectors = select(quoted, '„komplexe“ Beziehung zu OpenAI', 'eigenständiger Akteur');
    const edited = quoted
      .replace(/ /g, '\u00A0')
      .replace(/\n\n/g, '\n \n\n')
      .replace('„komplexe“', '"komplexe"')
      .normalize('NFD');
    const anchors = anchorHighlights(edited, selectors);
    expect(anchors.map((a) => a?.method)).toEqual(['quote', 'quote']);
    expect(words(edited, anchors[0]!)).toBe('"komplexe"\u00A0Beziehung\u00A0zu\u00A0OpenAI');
    expect(words(edited, anchors[1]!)).toBe('eigensta\u0308ndiger\u00A0Akteur');
  });

  it('anchors fuzzily when a word of the quote itself was corrected', () => {
    const [selectors] = select(article, 'massiv in OpenAI investiert und sich als exklusiver');
    const edited = article.replace('exklusiver', 'exclusiver');
    const anchor = anchorHighlight(edited, selectors!);
    expect(anchor?.method).toBe('fuzzy');
    expect(words(edited, anchor)).toBe('massiv in OpenAI investiert und sich als exclusiver');
  });

  it('orphans a highlight whose words were deleted', () => {
    const selectors = select(article, 'massiv in OpenAI investiert', 'eigenständiger Akteur');
    const edited = article.replace(' massiv in OpenAI investiert und', '');
    const [deleted, kept] = anchorHighlights(edited, selectors);
    expect(deleted).toBeNull();
    expect(words(edited, kept!)).toBe('eigenständiger Akteur');
  });

  it('orphans a deleted sentence even though a similar one remains elsewhere', () => {
    const similar = `${article}\n\nAuch Google hat in den letzten Jahren massiv in Anthropic investiert.`;
    const [selectors] = select(
      similar,
      'Microsoft hat in den letzten Jahren massiv in OpenAI investiert',
    );
    const edited = similar.replace(
      'Microsoft hat in den letzten Jahren massiv in OpenAI investiert und sich als exklusiver Cloud-Anbieter positioniert.',
      '',
    );
    expect(anchorHighlight(edited, selectors!)).toBeNull();
  });

  it('tells five copies of a repeated sentence apart by context after positions shifted', () => {
    const sentence = 'Die Prognose wurde erneut bestätigt.';
    const intros = [
      'Im Januar meldete Siemens einen Auftragsrekord.',
      'Im Februar senkte die EZB überraschend die Zinsen.',
      'Im März legte SAP neue Cloud-Zahlen vor.',
      'Im April kündigte Bayer einen Stellenabbau an.',
      'Im Mai übertraf Allianz die Erwartungen deutlich.',
    ];
    const text = intros.map((intro) => `${intro} ${sentence}`).join('\n\n');
    const starts = [...text.matchAll(/Die Prognose/g)].map((m) => m.index);
    expect(starts).toHaveLength(5);
    const selectors = starts.map((s) => describeTextRange(text, s, s + sentence.length));

    // A paragraph inserted at the top shifts every copy into the stored offsets of the next.
    const inserted = `Im Dezember bestätigte BMW die Prognose. ${sentence}\n\n`;
    const edited = inserted + text;
    const anchors = anchorHighlights(edited, selectors);
    const expected = starts.map((s) => s + inserted.length);
    expect(anchors.map((a) => a?.start)).toEqual(expected);
    expect(anchors.every((a) => words(edited, a) === sentence)).toBe(true);
    // Even one at a time, without the shift learned from the others.
    selectors.forEach((s, i) => expect(anchorHighlight(edited, s)?.start).toBe(expected[i]));
  });

  it('takes the shift from the nearer neighbour when the one before is far back', () => {
    // The same passage twice, 400 characters apart, with the same context: only the shift
    // tells the copies apart. An insertion of exactly that length moves the first copy
    // into the stored offsets of the second; the highlight right after the second copy
    // knows the shift there, the highlight far before does not.
    const passage =
      'Wie schon im Vorjahr, so hieß es: Die Prognose bleibt bestehen. Mehr dazu folgt.';
    const filler = (n: number) => 'Ein Satz ohne Bezug zum Thema. '.repeat(n);
    const first = `Einleitung des Berichts. ${filler(20)}`;
    const between = filler(Math.round((400 - passage.length) / 31));
    const text = `${first}${passage} ${between}${passage} Danach ein eigener Schluss.`;
    const copies = [...text.matchAll(/Die Prognose bleibt bestehen/g)].map((m) => m.index);
    const distance = copies[1]! - copies[0]!;
    const selectors = select(text, 'Einleitung', 'Danach ein eigener Schluss');
    const second = describeTextRange(text, copies[1]!, copies[1]! + 'Die Prognose'.length);
    const edited = text.replace(first, `${first}${'x'.repeat(distance - 1)} `);
    const anchors = anchorHighlights(edited, [selectors[0]!, second, selectors[1]!]);
    expect(anchors[1]?.start).toBe(copies[1]! + distance);
    expect(anchors.map((a) => words(edited, a))).toEqual([
      'Einleitung',
      'Die Prognose',
      'Danach ein eigener Schluss',
    ]);
  });

  it('copes with stored positions beyond the end of a shortened text', () => {
    const [selectors] = select(article, 'eigenständiger Akteur');
    const shortened = article.slice(article.indexOf('Ein wesentliches'));
    expect(words(shortened, anchorHighlight(shortened, selectors!))).toBe('eigenständiger Akteur');
    expect(anchorHighlight('Ganz anderer Text.', selectors!)).toBeNull();
  });

  it('anchors nothing for no highlights', () => {
    expect(anchorHighlights(article, [])).toEqual([]);
  });
});
