import { rejectionOf } from '../../../../test-support/rejection-of';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  RESEARCH_MAIL,
  base64Lines,
  encodedWord,
  makeEml,
  makeHostileEml,
  makeResearchEml,
  makeTextOnlyEml,
  multipart,
  quotedPrintable,
} from '../../__tests__/fixtures/make-eml';
import { ImportError } from '../../import-error';
import { parseEml } from '../parse-eml';

function blocksOf(doc: { text: string; blocks: { kind: string; start: number; end: number }[] }) {
  return doc.blocks.map((b) => ({ kind: b.kind, text: doc.text.slice(b.start, b.end) }));
}

const refusal = (bytes: Uint8Array) => rejectionOf(parseEml(bytes), ImportError);

describe('parseEml', () => {
  it('imports a broker note: HTML body over text, decoded headers, sender date', async () => {
    const doc = await parseEml(makeResearchEml());
    expect(doc.metadata).toEqual({
      title: RESEARCH_MAIL.subject,
      author: 'Jana Köhler',
      source: 'research.bank.com',
      publishedAt: '2024-03-15',
    });
    expect(blocksOf(doc)).toEqual([
      { kind: 'heading', text: 'Müller AG – Update' },
      {
        kind: 'paragraph',
        text: 'Die Müller AG übertrifft die Erwartungen: Umsatz 4,2 Mrd. €, Marge 18,3 %. Wir bestätigen „Kaufen“.',
      },
      { kind: 'listItem', text: 'Kursziel: 145 €' },
      { kind: 'listItem', text: 'Größtes Risiko: Energiepreise' },
      { kind: 'paragraph', text: 'Die vollständige Studie: Studie öffnen' },
    ]);
    const at = doc.text.indexOf('Studie öffnen');
    expect(doc.links).toEqual([
      { start: at, end: at + 'Studie öffnen'.length, href: RESEARCH_MAIL.link },
    ]);
    // The hidden preheader, the <title> and the PDF attachment are not part of the article.
    expect(doc.text).not.toMatch(/Vorschautext|Newsletter|PDF/);
  });

  it.each(['utf-8/base64', 'iso-8859-1/qp'] as const)(
    'splits a text-only mail (%s) into paragraphs and quotes',
    async (encoding) => {
      const doc = await parseEml(makeTextOnlyEml(encoding));
      expect(blocksOf(doc)).toEqual([
        { kind: 'paragraph', text: 'Hallo Max,' },
        {
          kind: 'paragraph',
          text: 'kurz zur Müller AG: die Marge von 18,3 % halte ich für nachhaltig. Details: https://research.bank.com/notes/42.',
        },
        {
          kind: 'quote',
          text: 'Am 14.03.2024 schrieb Max Weiß: Ist die Marge nachhaltig oder ein Einmaleffekt?',
        },
        { kind: 'paragraph', text: 'Viele Grüße Jana' },
      ]);
      const url = 'https://research.bank.com/notes/42';
      expect(doc.links).toEqual([
        { start: doc.text.indexOf(url), end: doc.text.indexOf(url) + url.length, href: url },
      ]);
      // A free-mail domain names no publisher; the bare address stands in for a name.
      expect(doc.metadata).toEqual({
        title: 'Re: Marge der Müller AG',
        author: 'jana@gmail.com',
        publishedAt: '2024-03-16',
      });
    },
  );

  it('keeps hostile HTML inert: no script, no handlers, no script or relative links', async () => {
    const doc = await parseEml(makeHostileEml());
    expect(doc.links).toEqual([]);
    expect(blocksOf(doc)).toEqual([
      { kind: 'paragraph', text: 'Guten Tag Angebot, hier und relativ.' },
      { kind: 'paragraph', text: '<script>als Text</script>' },
    ]);
    expect(doc.text).not.toMatch(/__pwned|tracker|evil\.example/);
  });

  it('falls back to the text part when the HTML part has no words', async () => {
    const bytes = makeEml(
      {
        From: 'IR <ir@mueller-ag.de>',
        Subject: encodedWord('Grafik der Woche'),
        Date: '1 Apr 2024 09:00 +0200',
      },
      multipart(
        'alternative',
        [
          {
            headers: {
              'Content-Type': 'text/plain; charset=utf-8',
              'Content-Transfer-Encoding': 'base64',
            },
            body: base64Lines('Umsatz je Segment, siehe Grafik.'),
          },
          {
            headers: { 'Content-Type': 'text/html; charset=utf-8' },
            body: '<p><img src="cid:chart"></p>',
          },
        ],
        'b1',
      ),
    );
    const doc = await parseEml(bytes);
    expect(doc.text).toBe('Umsatz je Segment, siehe Grafik.');
    expect(doc.metadata).toEqual({
      title: 'Grafik der Woche',
      author: 'IR',
      source: 'mueller-ag.de',
      publishedAt: '2024-04-01',
    });
  });

  it('says when a message has no text', async () => {
    const bytes = makeEml(
      { From: 'a@example.com', Subject: 'Nur Anhang', Date: 'Mon, 18 Mar 2024 10:00:00 +0000' },
      multipart(
        'mixed',
        [
          { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: ' \r\n' },
          {
            headers: {
              'Content-Type': 'application/pdf',
              'Content-Disposition': 'attachment; filename="a.pdf"',
              'Content-Transfer-Encoding': 'base64',
            },
            body: base64Lines('%PDF-1.4'),
          },
        ],
        'b2',
      ),
    );
    const error = await refusal(bytes);
    expect(error.code).toBe('NO_TEXT');
    expect(error.reason).toBe('the e-mail has no text');
  });

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['random bytes', new Uint8Array(randomBytes(5000))],
    ['plain text', new TextEncoder().encode('Notizen zur Müller AG\n\nMarge steigt.')],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')],
  ])('refuses %s as not an e-mail', async (_, bytes) => {
    const error = await refusal(bytes);
    expect(error.code).toBe('DAMAGED_FILE');
    expect(error.reason).toBe('the file is not an e-mail message');
  });

  it('encodes its fixtures the way mailers do', () => {
    expect(encodedWord('Grüße €')).toBe('=?UTF-8?Q?Gr=C3=BC=C3=9Fe_=E2=82=AC?=');
    expect(quotedPrintable('Größe = 5 ', 'iso-8859-1')).toBe('Gr=F6=DFe =3D 5=20');
  });
});
