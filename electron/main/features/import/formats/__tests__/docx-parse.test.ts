import { rejectionOf } from '../../../../test-support/rejection-of';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  RESEARCH_DOCX,
  makeHostileDocx,
  makeMinimalDocx,
  makeResearchDocx,
  makeZip,
  makeZipBombDocx,
} from '../../__tests__/fixtures/make-docx';
import { ImportError } from '../../import-error';
import { parseDocx } from '../parse-docx';

const refusal = (bytes: Uint8Array) => rejectionOf(parseDocx(bytes), ImportError);

describe('parseDocx', () => {
  it('converts a German Word note into blocks, links and core-property metadata', async () => {
    const doc = await parseDocx(await makeResearchDocx());
    const blocks = doc.blocks.map((b) => ({
      kind: b.kind,
      text: doc.text.slice(b.start, b.end),
      ...(b.kind === 'listItem' ? { ordered: b.ordered, depth: b.depth } : {}),
      ...(b.kind === 'heading' ? { level: b.level } : {}),
    }));

    expect(doc.metadata).toEqual({
      title: 'Müller AG: „Kaufen“ – Kursziel 145 €',
      author: 'Jana Köhler & Max Weiß',
      publishedAt: '2024-03-15',
      language: 'de',
    });
    expect(RESEARCH_DOCX.title).toBe(doc.metadata.title);
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Müller AG – Ersteinschätzung' },
      {
        kind: 'paragraph',
        text:
          'Der Vorstand spricht von einem „außergewöhnlich starken“ Quartal; ' +
          'der Umsatz stieg auf 4,2 Mrd. € bei gleichbleibender Marge.',
      },
      { kind: 'heading', level: 2, text: 'Risiken' },
      { kind: 'listItem', ordered: false, depth: 0, text: 'Energiepreise bleiben hoch' },
      { kind: 'listItem', ordered: false, depth: 1, text: 'Gaspreis über 40 €/MWh' },
      { kind: 'listItem', ordered: false, depth: 0, text: 'Bautätigkeit schwächelt' },
      { kind: 'heading', level: 2, text: 'Thesen' },
      { kind: 'listItem', ordered: true, depth: 0, text: 'Margenausweitung' },
      { kind: 'listItem', ordered: true, depth: 1, text: 'Preiserhöhungen greifen' },
      { kind: 'listItem', ordered: true, depth: 0, text: 'Dividende steigt' },
      { kind: 'table', text: 'Kennzahl\t2023\t2024e\nUmsatz (Mrd. €)\t3,9\t4,2' },
      {
        kind: 'paragraph',
        text: 'Mehr unter Investor Relations – Straße, Maß und Fuß.',
      },
    ]);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.rows.map((row) => row.cells.map((c) => c.header))).toEqual([
      [true, true, true],
      [false, false, false],
    ]);
    const at = doc.text.indexOf('Investor Relations');
    expect(doc.links).toEqual([
      { start: at, end: at + 'Investor Relations'.length, href: RESEARCH_DOCX.link },
    ]);
  });

  it('keeps script links and markup inert, and images as their alt text', async () => {
    const doc = await parseDocx(await makeHostileDocx());
    expect(doc.links).toEqual([]);
    expect(doc.text).toContain('Klick mich und Datei');
    expect(doc.text).toContain('<script>window.__pwned = 1</script><img src=x onerror=alert(2)>');
    expect(doc.text).toContain('Umsatz je Segment');
    expect(doc.text).not.toContain('iVBOR');
  });

  it('refuses a zip bomb by its declared size', async () => {
    const error = await refusal(makeZipBombDocx(300));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.reason).toBe(
      'the document expands to more than 200 MB when unpacked, which looks like a zip bomb',
    );
  });

  it('refuses a zip bomb whose headers lie about its size', async () => {
    const error = await refusal(makeZipBombDocx(300, 2048));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.reason).toMatch(/which looks like a zip bomb$/);
  });

  it('refuses random bytes named .docx', async () => {
    const error = await refusal(randomBytes(20_000));
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.reason).toBe('the document is not a valid .docx file');
  });

  it('refuses a zip that is not a Word document', async () => {
    const error = await refusal(
      makeZip([
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'notes.txt', data: 'Hallo' },
      ]),
    );
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.reason).toBe('the file is a zip archive but not a Word document');
  });

  it('says when a Word document has no text', async () => {
    const error = await refusal(
      makeMinimalDocx('<w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>'),
    );
    expect(error.code).toBe('NO_TEXT');
    expect(error.reason).toBe('the document has no text');
  });

  it('reads a hand-written package without core properties', async () => {
    const doc = await parseDocx(
      makeMinimalDocx('<w:p><w:r><w:t>Nur ein Absatz – 5 €.</w:t></w:r></w:p>'),
    );
    expect(doc.text).toBe('Nur ein Absatz – 5 €.');
    expect(doc.metadata).toEqual({});
  });

  it('names old .doc files and password-protected documents', async () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const legacy = await refusal(cfb);
    expect(legacy.code).toBe('UNSUPPORTED_FORMAT');
    expect(legacy.reason).toMatch(/old Word 97–2003 document/);

    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    const encrypted = await refusal(cfb);
    expect(encrypted.code).toBe('UNSUPPORTED_FORMAT');
    expect(encrypted.reason).toMatch(/protected with a password/);
  });
});
