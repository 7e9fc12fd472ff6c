import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { ZipWriter } from '../zip-writer';

const run = promisify(execFile);
const hasUnzip = await run('unzip', ['-v']).then(
  () => true,
  () => false,
);
const options = { mtime: new Date(2026, 10, 25, 9, 30, 14), mode: 0o100600 };

/** Writes a zip with `write` and returns its bytes. */
async function zipOf(write: (zip: ZipWriter) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const zip = new ZipWriter(async (bytes) => void chunks.push(Buffer.from(bytes)));
  await write(zip);
  const bytes = Buffer.concat(chunks);
  expect(zip.size).toBe(bytes.length);
  return bytes;
}

/** Every entry as yauzl (an independent reader) lists and inflates it. */
async function entriesOf(bytes: Buffer) {
  const zip = await yauzl.fromBufferPromise(bytes, { autoClose: false });
  const entries: Array<{ name: string; data: Buffer; mode: number; method: number; at: Date }> = [];
  for await (const entry of zip.eachEntry()) {
    entries.push({
      name: entry.fileName,
      data: await buffer(await zip.openReadStreamPromise(entry)),
      mode: entry.externalFileAttributes >>> 16,
      method: entry.compressionMethod,
      at: entry.getLastModDate(),
    });
  }
  zip.close();
  return entries;
}

describe('ZipWriter', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await createTempDataDir()));
  afterEach(() => cleanup());

  it('writes entries that other readers list in the order given, with their bytes and modes', async () => {
    const json = Buffer.from(JSON.stringify({ text: 'Umsatz und Marge – ü'.repeat(200) }));
    const random = randomBytes(300);
    const bytes = await zipOf(async (zip) => {
      await zip.add('articles/a/article.json', json, options);
      await zip.add('articles/a/empty.json', Buffer.alloc(0), options);
      await zip.add('memos/ä/random.bin', random, options);
      await zip.add('margin-backup.json', Buffer.from('{}\n'), options);
      await zip.finish([
        'margin-backup.json',
        'articles/a/article.json',
        'articles/a/empty.json',
        'memos/ä/random.bin',
      ]);
    });
    const entries = await entriesOf(bytes);
    expect(entries.map((e) => e.name)).toEqual([
      'margin-backup.json',
      'articles/a/article.json',
      'articles/a/empty.json',
      'memos/ä/random.bin',
    ]);
    expect(entries[1]!.data.equals(json)).toBe(true);
    expect(entries[1]!.method).toBe(8); // deflated
    expect(entries[2]!.data.length).toBe(0);
    expect(entries[3]!.data.equals(random)).toBe(true);
    expect(entries[3]!.method).toBe(0); // stored: deflating would not make it smaller
    expect(entries.every((e) => e.mode === 0o100600)).toBe(true);
    expect(entries[0]!.at).toEqual(new Date(2026, 10, 25, 9, 30, 14));

    if (hasUnzip) {
      const path = join(dir, 'test.zip');
      await writeFile(path, bytes);
      const { stdout } = await run('unzip', ['-t', path]);
      expect(stdout).toContain('No errors detected');
    }
  });

  it('adds Zip64 end records for 65,535 entries or more', async () => {
    const count = 70_000;
    const names = Array.from({ length: count }, (_, i) => `f/${i}.json`);
    const bytes = await zipOf(async (zip) => {
      for (const [i, name] of names.entries()) await zip.add(name, Buffer.from(`${i}`), options);
      await zip.finish(names);
    });
    const zip = await yauzl.fromBufferPromise(bytes, { autoClose: false });
    expect(zip.entryCount).toBe(count);
    let last: yauzl.Entry | undefined;
    for await (const entry of zip.eachEntry()) last = entry;
    expect(last?.fileName).toBe('f/69999.json');
    expect(await buffer(await zip.openReadStreamPromise(last!))).toEqual(Buffer.from('69999'));
    zip.close();
    if (hasUnzip) {
      const path = join(dir, 'many.zip');
      await writeFile(path, bytes);
      const { stdout } = await run('unzip', ['-tq', path], { maxBuffer: 64 * 1024 * 1024 });
      expect(stdout).toContain('No errors detected');
    }
  });

  it('refuses the same name twice, and an order that does not name every entry once', async () => {
    const zip = new ZipWriter(async () => undefined);
    await zip.add('a.json', Buffer.from('{}'), options);
    await expect(zip.add('a.json', Buffer.from('{}'), options)).rejects.toThrow(/already/);
    await zip.add('b.json', Buffer.from('{}'), options);
    await expect(zip.finish(['a.json'])).rejects.toThrow(/every entry once/);
    await expect(zip.finish(['a.json', 'a.json'])).rejects.toThrow(/every entry once/);
  });

  it('streams in large writes rather than one per header', async () => {
    const sizes: number[] = [];
    const zip = new ZipWriter(async (bytes) => void sizes.push(bytes.length));
    const data = randomBytes(64 * 1024);
    for (let i = 0; i < 40; i++) await zip.add(`${i}.bin`, data, options);
    await zip.finish(Array.from({ length: 40 }, (_, i) => `${i}.bin`));
    expect(sizes.length).toBeLessThan(5);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(zip.size);
  });
});
