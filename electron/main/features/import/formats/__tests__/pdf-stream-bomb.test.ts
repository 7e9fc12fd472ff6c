import { rejectionOf } from '../../../../test-support/rejection-of';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hostileFilePath } from '../../../../../../e2e/fixtures/hostile/manifest';
import {
  pdfStream,
  textPdfObjects,
  writePdf,
} from '../../../../../../e2e/fixtures/hostile/corpus/raw-pdf';
import { deflatedZeros } from '../../__tests__/fixtures/make-docx';
import {
  SIMPLE_TITLE,
  makeEncryptedPdf,
  makeLigaturePdf,
  makeLongReportPdf,
  makeMixedPdf,
  makeScannedPdf,
  makeSimplePdf,
  makeTwoColumnPdf,
} from '../../__tests__/fixtures/make-pdf';
import { ImportError } from '../../import-error';
import { parsePdf } from '../parse-pdf';
import { checkPdfStreams, type PdfStreamLimits } from '../pdf/check-pdf-streams';

const MB = 1024 * 1024;
const PAGE_TEXT = 'The page text stays readable.';

function bombReason(megabytes: number): string {
  return `the PDF holds a compressed stream that expands to more than ${megabytes} MB — a "decompression bomb"; Margin did not open it`;
}

/** A zlib stream of `megabytes` MB of zeros: one deflated megabyte repeated, so quick to make. */
function zlibZeros(megabytes: number): Buffer {
  const { data, size } = deflatedZeros(megabytes);
  const adler32 = Buffer.alloc(4);
  // Adler-32 of zeros: its low half stays 1, its high half counts the bytes.
  adler32.writeUInt32BE((((size % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), data, adler32]);
}

/** One page of text whose second content stream (object 6) is `stream`; more objects follow. */
function pdfWithContent(stream: string, more: readonly string[] = []): Uint8Array {
  return writePdf(
    textPdfObjects({ lines: [PAGE_TEXT], contents: '[5 0 R 6 0 R]', extra: [stream, ...more] }),
  );
}

const latin1 = (data: Uint8Array) => Buffer.from(data).toString('latin1');

function ascii85(data: Uint8Array): string {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const group = Buffer.alloc(4);
    group.set(data.subarray(i, i + 4));
    let value = group.readUInt32BE();
    const length = Math.min(4, data.length - i);
    if (value === 0 && length === 4) {
      out += 'z';
      continue;
    }
    const chars: string[] = [];
    for (let j = 0; j < 5; j++, value = Math.floor(value / 85)) {
      chars.unshift(String.fromCharCode(0x21 + (value % 85)));
    }
    out += chars.slice(0, length + 1).join('');
  }
  return `${out}~>`;
}

async function refusal(bytes: Uint8Array, limits?: Partial<PdfStreamLimits>) {
  const error = await rejectionOf(checkPdfStreams(bytes, limits), ImportError);
  expect(error.code).toBe('DAMAGED_FILE');
  return error;
}

describe('checkPdfStreams', () => {
  it('refuses the hostile corpus flate bomb quickly, before pdf.js opens it', async () => {
    const bytes = await readFile(hostileFilePath({ file: 'pdf-flate-bomb.pdf' }));
    const started = performance.now();
    const error = await rejectionOf(parsePdf(bytes, {}), ImportError);
    // It used to take pdf.js 5–13 s to inflate all 210 MB.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect([error.code, error.reason]).toEqual(['DAMAGED_FILE', bombReason(50)]);
  });

  it('refuses a 4 GB bomb while holding only a little of it in memory', async () => {
    const bytes = pdfWithContent(pdfStream('/Filter /FlateDecode', latin1(zlibZeros(4096))));
    const before = process.memoryUsage().rss;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss - before);
    }, 1);
    try {
      const error = await refusal(bytes);
      // A 4 MB stream may expand 100-fold: 405 MB, which is where the count stops.
      expect(error.reason).toBe(bombReason(405));
    } finally {
      clearInterval(sampler);
    }
    expect(peak).toBeLessThan(200 * MB);
  });

  const bomb = zlibZeros(60);
  it.each([
    ['a filter array', pdfStream('/Filter [/FlateDecode]', latin1(bomb))],
    ['the short key and name', pdfStream('/F /Fl', latin1(bomb))],
    ['an escaped name', pdfStream('/Filter /Fl#61teDecode', latin1(bomb))],
    ['an indirect filter', pdfStream('/Filter 7 0 R', latin1(bomb)), ['/FlateDecode']],
    [
      'an indirect length',
      `<< /Filter /FlateDecode /Length 7 0 R >>\nstream\n${latin1(bomb)}\nendstream`,
      [String(bomb.length)],
    ],
    ['hex text before Flate', pdfStream('/Filter [/AHx /FlateDecode]', `${bomb.toString('hex')}>`)],
    ['ASCII85 text before Flate', pdfStream('/Filter [/A85 /Fl]', ascii85(bomb))],
    ['Flate inside Flate', pdfStream('/Filter [/Fl /Fl]', latin1(deflateSync(bomb)))],
    [
      'an object stream',
      pdfStream('/Type /ObjStm /N 1 /First 5 /Filter /FlateDecode', latin1(bomb)),
    ],
    ['a stream cut short', pdfStream('/Filter /FlateDecode', latin1(bomb.subarray(0, -6)))],
    [
      'a wrong checksum',
      pdfStream(
        '/Filter /FlateDecode',
        latin1(Buffer.concat([bomb.subarray(0, -4), Buffer.alloc(4)])),
      ),
    ],
  ])('refuses a bomb behind %s', async (_, stream, more: readonly string[] = []) => {
    const error = await refusal(pdfWithContent(stream, more));
    expect(error.reason).toBe(bombReason(50));
  });

  it('refuses a Brotli bomb', async () => {
    const brotli = brotliCompressSync(Buffer.alloc(4 * MB), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    });
    const error = await refusal(
      pdfWithContent(pdfStream('/Filter /BrotliDecode', latin1(brotli))),
      {
        minStreamBytes: MB,
      },
    );
    expect(error.reason).toBe(bombReason(1));
  });

  it('refuses streams that each stay under the limit but pass the total together', async () => {
    const forty = pdfStream('/Filter /FlateDecode', latin1(zlibZeros(40)));
    const error = await refusal(pdfWithContent(forty, [forty, forty]), { maxTotalBytes: 100 * MB });
    expect(error.reason).toBe(
      `the PDF's compressed streams expand to more than 100 MB together — a "decompression bomb"; Margin did not open it`,
    );
  });

  it('inflates small streams once their worst case no longer fits the total', async () => {
    // Each stores about 1 KB, so could be 1 MB at Flate's utmost; 30 of them could pass 20 MB.
    const text = deflateSync(Buffer.from('BT (line) Tj ET\n'.repeat(3000)));
    const small = pdfStream('/Filter /FlateDecode', latin1(text));
    const smalls = Array<string>(30).fill(small);
    await expect(
      checkPdfStreams(pdfWithContent(small, smalls), { maxTotalBytes: 20 * MB }),
    ).resolves.toBeUndefined();

    const megabyte = pdfStream('/Filter /FlateDecode', latin1(zlibZeros(1)));
    const error = await refusal(pdfWithContent(megabyte, Array<string>(30).fill(megabyte)), {
      maxTotalBytes: 20 * MB,
    });
    expect(error.reason).toMatch(/^the PDF's compressed streams expand to more than 20 MB/);
  });

  it('does not count images, which text extraction never decodes', async () => {
    // 64 MB of gray from a 64 KB stream: a bomb's ratio, but an image's honest size.
    const image = pdfStream(
      '/Type /XObject /Subtype /Image /Width 8192 /Height 8192 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode',
      latin1(zlibZeros(64)),
    );
    const objects = textPdfObjects({
      lines: [PAGE_TEXT],
      content: 'q 10 0 0 10 72 600 cm /Im1 Do Q',
    });
    objects[2] = objects[2]!.replace('/Resources <<', '/Resources << /XObject << /Im1 6 0 R >>');
    const doc = await parsePdf(writePdf([...objects, image]), {});
    expect(doc.text).toBe(PAGE_TEXT);
  });

  it('passes a damaged Flate stream on to pdf.js, which reads what it can', async () => {
    const damaged = deflateSync(Buffer.from('BT /F1 11 Tf 72 700 Td (Second stream) Tj ET'));
    damaged.fill(0xff, 4, damaged.length - 4);
    const bytes = pdfWithContent(pdfStream('/Filter /FlateDecode', latin1(damaged)));
    await expect(checkPdfStreams(bytes)).resolves.toBeUndefined();
    expect((await parsePdf(bytes, {})).text).toBe(PAGE_TEXT);
  });

  it('passes the PDFs Margin is tested with, in a few milliseconds', async () => {
    const pdfs = [
      await makeSimplePdf(),
      (await makeLongReportPdf(50)).bytes,
      await makeTwoColumnPdf(),
      await makeScannedPdf(2),
      await makeMixedPdf(),
      await makeEncryptedPdf('Kurs2024'),
      await makeLigaturePdf(),
    ];
    await checkPdfStreams(pdfs[0]!); // warm up zlib
    for (const bytes of pdfs) {
      const started = performance.now();
      await expect(checkPdfStreams(bytes)).resolves.toBeUndefined();
      expect(performance.now() - started).toBeLessThan(100);
    }
    expect((await parsePdf(pdfs[0]!, {})).metadata.title).toBe(SIMPLE_TITLE);
  });

  it('refuses a file built to make the scan quadratic, without scanning it quadratically', async () => {
    // Each `obj` opens a string that never closes: read from every one, that is n² bytes.
    const bytes = Buffer.from(`%PDF-1.7\n${'1 0 obj <<('.repeat(300_000)}`, 'latin1');
    const started = performance.now();
    const error = await refusal(bytes);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error.reason).toBe(
      'the PDF is built too oddly to check it for a "decompression bomb"; Margin did not open it',
    );
  });
});
