import { rejectionOf } from '../../../../test-support/rejection-of';
import { describe, expect, it } from 'vitest';
import {
  SECRET_TEXT,
  makeBlankPagesPdf,
  makeEncryptedPdf,
  makeScannedPdf,
  makeSimplePdf,
} from '../../__tests__/fixtures/make-pdf';
import { ImportError } from '../../import-error';
import { parsePdf } from '../parse-pdf';

/** The ImportError that parsing `bytes` fails with. */
const failure = (bytes: Uint8Array, password?: string) =>
  rejectionOf(parsePdf(bytes, { password }), ImportError);

describe('parsePdf failures', () => {
  it('refuses a scan without a text layer', async () => {
    const error = await failure(await makeScannedPdf(2));
    expect(error.code).toBe('NO_TEXT');
    expect(error.reason).toBe('this PDF has no text layer (a scan). Margin cannot read it yet.');
  });

  it('asks for the password, rejects a wrong one and opens with the right one', async () => {
    const bytes = await makeEncryptedPdf('Kurs2024');

    const missing = await failure(bytes);
    expect([missing.code, missing.reason]).toEqual([
      'PASSWORD_REQUIRED',
      'the PDF is protected by a password',
    ]);
    const wrong = await failure(bytes, 'kurs2024');
    expect([wrong.code, wrong.reason]).toEqual([
      'PASSWORD_INCORRECT',
      'the password is not correct for this PDF',
    ]);
    // The same bytes again: parsing must not have detached the caller's buffer.
    const doc = await parsePdf(bytes, { password: 'Kurs2024' });
    expect(doc.text).toBe(SECRET_TEXT);
  });

  it('treats an empty password field as no password', async () => {
    const error = await failure(await makeEncryptedPdf('Kurs2024'), '');
    expect(error.code).toBe('PASSWORD_REQUIRED');
  });

  it('reports random bytes, a truncated PDF and an empty file as damaged', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    const pdf = await makeSimplePdf();
    const truncated = pdf.slice(0, Math.floor(pdf.length / 2));

    for (const bytes of [random, truncated, new Uint8Array(0)]) {
      const error = await failure(bytes);
      expect([error.code, error.reason]).toEqual([
        'DAMAGED_FILE',
        'the file is damaged or is not a PDF',
      ]);
      expect(error.cause).toBeInstanceOf(Error);
    }
  });

  it('refuses more than 2,000 pages', async () => {
    const error = await failure(await makeBlankPagesPdf(2_001));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.reason).toBe('the PDF has 2,001 pages; Margin imports PDFs of up to 2,000 pages');
  });

  it('accepts exactly 2,000 pages as far as the limit goes (blank pages have no text)', async () => {
    const error = await failure(await makeBlankPagesPdf(2_000));
    expect(error.code).toBe('NO_TEXT');
  });
});
