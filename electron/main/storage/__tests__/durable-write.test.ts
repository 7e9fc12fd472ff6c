import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { tempPathFor, TEMP_FILE_PATTERN, writeFileDurably } from '../durable-write';

describe('writeFileDurably', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await createTempDataDir()));
  afterEach(() => cleanup());

  it('creates and replaces a file, leaving no temp file behind', async () => {
    const path = join(dir, 'library.json');
    await writeFileDurably(path, 'first');
    await writeFileDurably(path, 'zweite Fassung – ü');
    expect(await readFile(path, 'utf8')).toBe('zweite Fassung – ü');
    expect(await readdir(dir)).toEqual(['library.json']);
  });

  it('keeps the file private to its owner', async () => {
    const path = join(dir, 'a.json');
    await writeFileDurably(path, '{}');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('writes with the permissions asked for: exports are documents to share', async () => {
    if (process.platform === 'win32') return;
    const reference = join(dir, 'reference.txt');
    await writeFile(reference, 'x', { mode: 0o644 });
    const path = join(dir, 'Report.md');
    await writeFileDurably(path, '# Report', 0o644);
    expect((await stat(path)).mode & 0o777).toBe((await stat(reference)).mode & 0o777);
    expect(await readFile(path, 'utf8')).toBe('# Report');
  });

  it('keeps temp names within 255 bytes, so any name a file system takes can be written', async () => {
    const name = `${'Übernahme '.repeat(22)}.md`; // 245 bytes
    const temp = basename(tempPathFor(join(dir, name)));
    expect(Buffer.byteLength(temp)).toBeLessThanOrEqual(255);
    expect(temp.isWellFormed()).toBe(true);
    expect(TEMP_FILE_PATTERN.test(temp)).toBe(true);
    await writeFileDurably(join(dir, name), 'long');
    expect(await readdir(dir)).toEqual([name]);
  });

  it('leaves the old file intact and cleans up when the replacement fails', async () => {
    const path = join(dir, 'target');
    await mkdir(path); // renaming a file over a folder fails
    await writeFile(join(path, 'keep.txt'), 'kept');
    await expect(writeFileDurably(path, 'new')).rejects.toThrow();
    expect(await readFile(join(path, 'keep.txt'), 'utf8')).toBe('kept');
    expect((await readdir(dir)).filter((e) => TEMP_FILE_PATTERN.test(e))).toEqual([]);
  });

  it('names its temp files so that a startup sweep recognises them, and nothing else', async () => {
    const temp = basename(tempPathFor(join(dir, 'library.json')));
    expect(temp).toMatch(/^\.library\.json\./);
    expect(TEMP_FILE_PATTERN.test(temp)).toBe(true);
    expect(TEMP_FILE_PATTERN.test('library.json')).toBe(false);
    expect(TEMP_FILE_PATTERN.test('library.json.corrupt-2026-11-25T20-30-00-000Z')).toBe(false);
  });
});
