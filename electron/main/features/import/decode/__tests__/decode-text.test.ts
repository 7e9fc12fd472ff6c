import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../decode-text';
import { findHtmlCharset } from '../find-html-charset';
import { guessLatinEncoding } from '../guess-latin-encoding';

/** Every character here exists in ISO-8859-15 too, so one paragraph serves all encodings. */
const GERMAN =
  'Die Münchener Rück erhöht die Dividende um 12 € je Aktie. Größere Übernahmen schließt der Vorstand aus; Analysten äußern sich zurückhaltend – „noch“ nicht.';
const LATIN9_SAFE = GERMAN.replace(/[„“–]/g, (c) => ({ '„': '"', '“': '"', '–': '-' })[c]!);
const FRENCH = 'Le cœur du marché : l’œuvre de la Bourse, 5 € par action, « très » prudent.';

const withBom = (bom: number[], body: Buffer) => new Uint8Array([...bom, ...body]);

describe('decodeText', () => {
  it.each([
    ['UTF-8', () => new Uint8Array(Buffer.from(GERMAN, 'utf8'))],
    ['UTF-8 with BOM', () => withBom([0xef, 0xbb, 0xbf], Buffer.from(GERMAN, 'utf8'))],
    ['UTF-16LE with BOM', () => withBom([0xff, 0xfe], iconv.encode(GERMAN, 'utf-16le'))],
    ['UTF-16BE with BOM', () => withBom([0xfe, 0xff], iconv.encode(GERMAN, 'utf-16be'))],
    ['Windows-1252', () => new Uint8Array(iconv.encode(GERMAN, 'windows-1252'))],
  ])('reads a German paragraph written as %s without being told the encoding', (_label, bytes) => {
    expect(decodeText(bytes()).text).toBe(GERMAN);
  });

  it('reads ISO-8859-15 (€ at 0xA4) and tells it from Windows-1252 by its bytes', () => {
    const bytes = new Uint8Array(iconv.encode(LATIN9_SAFE, 'iso-8859-15'));
    expect(decodeText(bytes).text).toBe(LATIN9_SAFE);
    expect(guessLatinEncoding(bytes)).toBe('iso-8859-15');
  });

  it('reads French with œ in ISO-8859-15 and in Windows-1252', () => {
    const latin9 = FRENCH.replace('’', "'").replace(/[«»]/g, '"');
    expect(decodeText(new Uint8Array(iconv.encode(latin9, 'iso-8859-15'))).text).toBe(latin9);
    expect(decodeText(new Uint8Array(iconv.encode(FRENCH, 'windows-1252'))).text).toBe(FRENCH);
  });

  it('reads ISO-8859-1 text without € as itself', () => {
    const latin1 = 'Größere Übernahmen à Paris, ½ Prozent.';
    expect(decodeText(new Uint8Array(iconv.encode(latin1, 'latin1'))).text).toBe(latin1);
  });

  it('follows a declared charset, and treats "iso-8859-1" as Windows-1252 as browsers do', () => {
    const bytes = new Uint8Array(iconv.encode(GERMAN, 'windows-1252'));
    expect(decodeText(bytes, { declaredCharset: 'ISO-8859-1' })).toMatchObject({
      text: GERMAN,
      by: 'declared',
    });
  });

  it('lets a byte-order mark win over a wrong declaration', () => {
    const bytes = withBom([0xef, 0xbb, 0xbf], Buffer.from(GERMAN, 'utf8'));
    expect(decodeText(bytes, { declaredCharset: 'windows-1252' })).toMatchObject({
      text: GERMAN,
      by: 'bom',
    });
  });

  it('detects a Cyrillic single-byte page', () => {
    const russian =
      'Центральный банк России повысил ключевую ставку до шестнадцати процентов годовых, сообщили в пресс-службе регулятора. Аналитики ожидали такого решения.';
    const decoded = decodeText(new Uint8Array(iconv.encode(russian, 'windows-1251')));
    expect(decoded.text).toBe(russian);
  });
});

describe('findHtmlCharset', () => {
  it('finds <meta charset> and the http-equiv form', () => {
    const page = (meta: string) => new Uint8Array(Buffer.from(`<html><head>${meta}</head>`));
    expect(findHtmlCharset(page('<meta charset="windows-1252">'))).toBe('windows-1252');
    expect(
      findHtmlCharset(
        page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'),
      ),
    ).toBe('ISO-8859-15');
    expect(findHtmlCharset(page('<meta name="x" content="y">'))).toBeNull();
  });
});

describe('a page that declares UTF-7', () => {
  it('is not decoded as UTF-7 (no browser does), so `+ADw-` never becomes `<`', () => {
    const bytes = new TextEncoder().encode(
      'Umsatz +ADw-script+AD4-alert(1)+ADw-/script+AD4- stieg',
    );
    const { text } = decodeText(bytes, { declaredCharset: 'utf-7' });
    expect(text).toBe('Umsatz +ADw-script+AD4-alert(1)+ADw-/script+AD4- stieg');
    expect(decodeText(bytes, { declaredCharset: 'UNICODE-1-1-UTF-7' }).text).not.toContain('<');
  });
});
