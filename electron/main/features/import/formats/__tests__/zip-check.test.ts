import { rejectionOf } from '../../../../test-support/rejection-of';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deflatedZeros, makeZip, makeZipBombDocx } from '../../__tests__/fixtures/make-docx';
import { ImportError } from '../../import-error';
import { checkZip } from '../check-zip';

const MIB = 1024 * 1024;
const options = { fileKind: '.docx file' };

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await rejectionOf(promise, ImportError);
  expect(error.code).toBe('DAMAGED_FILE');
  return error;
}

describe('checkZip', () => {
  it('returns entry names and the small entries asked for', async () => {
    const zip = makeZip([
      { name: 'docProps/', stored: true },
      { name: 'docProps/core.xml', data: '<cp:coreProperties/>' },
      { name: 'word/document.xml', data: 'x'.repeat(100_000) },
      { name: 'stored.bin', data: randomBytes(2000), stored: true },
    ]);
    const checked = await checkZip(zip, { ...options, keep: ['docProps/core.xml'] });
    expect([...checked.entryNames]).toEqual([
      'docProps/',
      'docProps/core.xml',
      'word/document.xml',
      'stored.bin',
    ]);
    expect([...checked.kept.keys()]).toEqual(['docProps/core.xml']);
    expect(checked.kept.get('docProps/core.xml')?.toString()).toBe('<cp:coreProperties/>');
  });

  it('refuses by the declared size, before inflating anything', async () => {
    const started = performance.now();
    const error = await refusal(checkZip(makeZipBombDocx(300), options));
    expect(error.reason).toBe(
      'the document expands to more than 200 MB when unpacked, which looks like a zip bomb',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses when the declared sizes add up to more than the limit', async () => {
    const parts = [1, 2, 3].map((n) => ({ name: `part${n}.xml`, deflated: deflatedZeros(80) }));
    const error = await refusal(
      checkZip(makeZip(parts), { ...options, limits: { maxRatio: 1e6 } }),
    );
    expect(error.reason).toMatch(/expands to more than 200 MB/);
  });

  it('refuses an entry compressed far beyond what documents reach', async () => {
    const error = await refusal(
      checkZip(makeZip([{ name: 'word/document.xml', deflated: deflatedZeros(2) }]), options),
    );
    expect(error.reason).toBe(
      'the document is compressed more than 200-fold, which looks like a zip bomb',
    );
    // Below the floor, boilerplate XML may compress as well as it likes.
    const small = makeZip([{ name: 'word/styles.xml', data: Buffer.alloc(MIB - 1, 0x20) }]);
    await expect(checkZip(small, options)).resolves.toBeDefined();
  });

  it('refuses more than 2,000 entries', async () => {
    const entries = Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}`, stored: true }));
    const error = await refusal(checkZip(makeZip(entries), options));
    expect(error.reason).toBe(
      'the document holds more than 2,000 files inside, which looks like a zip bomb',
    );
  });

  it('counts the bytes it inflates, because declared sizes can lie', async () => {
    // Incompressible data declared as 1 KB: the ratio looks normal and so does the size.
    const lying = makeZip([
      { name: 'word/document.xml', data: randomBytes(5 * MIB), declaredSize: 1024 },
    ]);
    const error = await refusal(
      checkZip(lying, { ...options, limits: { maxTotalBytes: 4 * MIB } }),
    );
    expect(error.reason).toBe(
      'the document expands to more than 4 MB when unpacked, which looks like a zip bomb',
    );
  });

  it('catches a lying 300 MB bomb with the default limits while inflating', async () => {
    const error = await refusal(checkZip(makeZipBombDocx(300, 4096), options));
    expect(error.reason).toMatch(/which looks like a zip bomb$/);
  });

  it('refuses a size that lies within the limits as a damaged file', async () => {
    const lying = makeZip([{ name: 'a.xml', data: 'x'.repeat(5000), declaredSize: 100 }]);
    const error = await refusal(checkZip(lying, options));
    expect(error.reason).toBe('the document is not a valid .docx file');
  });

  it('refuses bytes that are not a zip, or a truncated one', async () => {
    const error = await refusal(checkZip(randomBytes(4096), options));
    expect(error.reason).toBe('the document is not a valid .docx file');
    expect(error.cause).toBeInstanceOf(Error);

    const zip = makeZip([{ name: 'word/document.xml', data: 'y'.repeat(10_000) }]);
    await refusal(checkZip(zip.subarray(0, zip.length - 30), options));
    const corrupt = Buffer.from(zip);
    corrupt.fill(0xff, 40, 80); // inside the deflate stream
    await refusal(checkZip(corrupt, options));
  });
});
