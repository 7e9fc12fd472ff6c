import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { libraryLayout } from '../../library-layout';
import { openLibrary, type Library } from '../../open-library';
import { fillLibrary, type DurableContent } from './durable-library-fixture';

const logger = collectingLogger();

type StoreFile = 'library.json' | 'annotations.json' | 'memo.json';

/** Each way a store file arrives damaged: a crash, a lost write, another program. */
const damages: Record<string, (bytes: Buffer, file: StoreFile) => Buffer> = {
  empty: () => Buffer.alloc(0),
  'all NUL': (bytes) => Buffer.alloc(bytes.length),
  'truncated mid-string': (bytes) => bytes.subarray(0, bytes.indexOf('"', bytes.length / 2) + 4),
  'a byte-order mark': (bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
  'the wrong schema': (bytes) => {
    const value = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    return Buffer.from(JSON.stringify({ ...value, [Object.keys(value)[1]!]: 42 }));
  },
  'duplicate ids': (bytes, file) => {
    const value = JSON.parse(bytes.toString('utf8')) as Record<string, unknown[]>;
    const list = file === 'library.json' ? 'articles' : 'highlights';
    if (file === 'memo.json') return Buffer.from('{"schemaVersion":1,"memo":{}}');
    return Buffer.from(JSON.stringify({ ...value, [list]: [...value[list]!, value[list]![0]] }));
  },
};

describe('a damaged store file at startup', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library | null = null;
  let content: DurableContent;

  const pathOf = (file: StoreFile) => {
    const layout = libraryLayout(dataDir);
    if (file === 'library.json') return layout.libraryFile;
    if (file === 'annotations.json') return layout.annotationsFile(content.articleId);
    return layout.memoFile(content.memo.id);
  };

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    const filled = await openLibrary(dataDir, { logger });
    content = await fillLibrary(filled);
    await filled.close();
  });
  afterEach(async () => {
    await library?.close();
    library = null;
    await cleanup();
  });

  for (const file of ['library.json', 'annotations.json', 'memo.json'] as const) {
    for (const [damage, damaged] of Object.entries(damages)) {
      it(`${file} with ${damage}: set aside as it was, its newest rolling copy put back, the analyst told`, async () => {
        const path = pathOf(file);
        const bad = damaged(await readFile(path), file);
        await writeFile(path, bad);

        library = await openLibrary(dataDir, { logger });
        // Highlights files are checked after open; reading them is what a view does.
        const highlights = await library.annotations.listHighlights(content.articleId);
        await library.startupCheck;

        // Nothing the analyst saved is lost: the copy holds the last save.
        expect(highlights).toEqual([content.highlight]);
        expect(library.articles.list().map((a) => a.id)).toEqual([content.articleId]);
        expect(library.codebook.list().map((t) => t.id)).toContain(content.tagId);
        expect(library.settings.watchlist()).toEqual([
          { name: 'Microsoft', ticker: 'MSFT', aliases: [] },
        ]);
        expect(await library.memos.get(content.memo.id)).toEqual(content.memo);

        const notices = library.status().notices;
        expect(notices).toHaveLength(1);
        const [notice] = notices;
        expect(notice!.outcome).toMatch(/rolling copy of .* UTC on \d{4}-\d{2}-\d{2}/);
        expect(notice!.file).toBe(path.slice(dataDir.length + 1));
        // The damaged original is still there, byte for byte, beside the restored file.
        expect(notice!.setAsideAs).toMatch(
          new RegExp(`^${notice!.file.replace(/\./g, '\\.')}\\.corrupt-`),
        );
        expect((await readFile(join(dataDir, notice!.setAsideAs!))).equals(bad)).toBe(true);
        expect(library.status().integrity).toEqual([]);
      });
    }
  }

  it('without a rolling copy, rebuilds the index from the article folders and says settings were reset', async () => {
    await writeFile(pathOf('library.json'), '');
    await rm(join(dataDir, 'backups', 'rolling', 'library'), { recursive: true });

    library = await openLibrary(dataDir, { logger });
    expect(library.articles.list().map((a) => a.id)).toEqual([content.articleId]);
    expect(library.settings.watchlist()).toEqual([]);
    expect(library.status().notices[0]!.outcome).toMatch(
      /no good copy .* rebuilt the article list .*1 articles/,
    );
    const names = await readdir(dataDir);
    expect(names.filter((n) => n.startsWith('library.json.corrupt-'))).toHaveLength(1);
  });

  it('a library.json or memo.json deleted outside Margin comes back from its rolling copy', async () => {
    await rm(pathOf('library.json'));
    await rm(pathOf('memo.json'));

    library = await openLibrary(dataDir, { logger });
    expect(library.settings.watchlist()).toEqual([
      { name: 'Microsoft', ticker: 'MSFT', aliases: [] },
    ]);
    expect(await library.memos.get(content.memo.id)).toEqual(content.memo);
    expect(library.status().notices.map((n) => [n.file, n.reason])).toEqual([
      ['library.json', 'it was missing'],
      [`memos/${content.memo.id}/memo.json`, 'it was missing'],
    ]);
  });

  it('skips a damaged rolling copy and puts back the newest valid one', async () => {
    const folder = join(dataDir, 'backups', 'rolling', 'memos', content.memo.id);
    const copies = (await readdir(folder)).sort();
    expect(copies.length).toBeGreaterThanOrEqual(2);
    // The newest copy is damaged too (it shared the lost write); the one before is good.
    await writeFile(join(folder, copies.at(-1)!), Buffer.alloc(100));
    await writeFile(pathOf('memo.json'), Buffer.alloc(100));

    library = await openLibrary(dataDir, { logger });
    const restored = await library.memos.get(content.memo.id);
    expect(restored.id).toBe(content.memo.id);
    expect(library.status().notices[0]!.outcome).toContain('rolling copy');
  });

  it('keeps a complete save cut off before its rename beside the file, which keeps the last completed save', async () => {
    const path = pathOf('memo.json');
    const saved = await readFile(path);
    const cutOff = saved
      .toString('utf8')
      .replace('second draft', 'third draft, never acknowledged');
    const temp = join(dirname(path), `.${basename(path)}.4242.0a1b2c3d.tmp`);
    await writeFile(temp, cutOff);
    const later = new Date(Date.now() + 5000);
    const { utimes } = await import('node:fs/promises');
    await utimes(temp, later, later);

    library = await openLibrary(dataDir, { logger });
    await library.startupCheck;
    expect(await library.memos.get(content.memo.id)).toEqual(content.memo);
    const [notice] = library.status().notices;
    expect(notice).toMatchObject({
      title: `A save of ${path.slice(dataDir.length + 1)} was cut off`,
      setAsideAs: expect.stringMatching(/memo\.json\.interrupted-/),
    });
    expect(await readFile(join(dataDir, notice!.setAsideAs!), 'utf8')).toBe(cutOff);
    expect((await readdir(dirname(path))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('lost write: the newest file and its temp file zeroed as a power cut leaves them, recovered from the last good copy', async () => {
    for (const file of ['library.json', 'annotations.json', 'memo.json'] as const) {
      const path = pathOf(file);
      const size = (await readFile(path)).length;
      await writeFile(path, Buffer.alloc(size));
      await writeFile(
        join(dirname(path), `.${basename(path)}.4242.0badf00d.tmp`),
        Buffer.alloc(size / 2),
      );
    }

    library = await openLibrary(dataDir, { logger });
    expect(await library.annotations.listHighlights(content.articleId)).toEqual([
      content.highlight,
    ]);
    await library.startupCheck;
    expect(await library.memos.get(content.memo.id)).toEqual(content.memo);
    expect(library.settings.watchlist()).toHaveLength(1);
    const notices = library.status().notices;
    expect(notices.map((n) => n.file).sort()).toEqual(
      [
        'library.json',
        `articles/${content.articleId}/annotations.json`,
        `memos/${content.memo.id}/memo.json`,
      ].sort(),
    );
    for (const notice of notices) expect(notice.outcome).toContain('rolling copy');
  });
});
