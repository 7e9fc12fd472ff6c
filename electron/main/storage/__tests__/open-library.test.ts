import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildArticle } from '../../features/articles/build-article';
import { parsePlainText } from '../../features/import/formats/parse-plain-text';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { openLibrary, type Library } from '../open-library';

const seedText = await readFile(
  join(import.meta.dirname, '../../../../seeds/microsoft-openai-de.txt'),
  'utf8',
);
const logger = collectingLogger();

const paste = (text: string, title?: string) =>
  buildArticle(
    { document: parsePlainText(text), given: { title }, origin: { kind: 'paste', format: 'text' } },
    new Date(),
  );

describe('openLibrary', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  const open: Library[] = [];
  const openHere = async () => {
    const library = await openLibrary(dataDir, { logger });
    open.push(library);
    return library;
  };
  const closeAll = async () => {
    for (const library of open.splice(0)) await library.close();
  };

  beforeEach(async () => ({ dir: dataDir, cleanup } = await createTempDataDir()));
  afterEach(async () => {
    await closeAll();
    await cleanup();
  });

  it('round-trips the seed article byte for byte through the store and a restart', async () => {
    const first = await openHere();
    const built = await paste(seedText);
    const { article } = await first.articles.insert(built);
    await closeAll();

    const reopened = await openHere();
    expect(reopened.articles.list().map((a) => a.id)).toEqual([article.id]);
    const stored = await reopened.articles.get(article.id);
    expect(Buffer.from(stored.text, 'utf8').equals(Buffer.from(built.text, 'utf8'))).toBe(true);
    expect(stored.blocks.map((b) => stored.text.slice(b.start, b.end))).toEqual(
      seedText.trim().split('\n'),
    );
    expect(stored.language).toBe('de');
    expect(stored).toEqual(built);
  });

  it('migrates a library written by the first format, keeping every article', async () => {
    const v1Summary = {
      id: '6f1c2a1e-8d2b-4c1a-9a8e-2f0b1c3d4e5f',
      title: 'Alt',
      source: null,
      author: null,
      publishedAt: null,
      language: 'de',
      importedAt: '2026-11-01T10:00:00.000Z',
      origin: { kind: 'paste' },
      contentHash: 'a'.repeat(64),
      wordCount: 2,
    };
    const articleDir = join(dataDir, 'articles', v1Summary.id);
    await mkdir(articleDir, { recursive: true });
    await writeFile(
      join(dataDir, 'library.json'),
      JSON.stringify({ schemaVersion: 1, settings: {}, articles: [v1Summary] }),
    );
    await writeFile(
      join(articleDir, 'article.json'),
      JSON.stringify({
        schemaVersion: 1,
        article: {
          ...v1Summary,
          text: 'Ein Text.',
          blocks: [{ kind: 'paragraph', start: 0, end: 9 }],
        },
      }),
    );
    await writeFile(
      join(articleDir, 'annotations.json'),
      JSON.stringify({ schemaVersion: 1, articleId: v1Summary.id, highlights: [] }),
    );
    const library = await openHere();
    const migrated = {
      url: null,
      tickers: [],
      versionOf: null,
      origin: { kind: 'paste', format: 'text' },
      // Format 4: never detected yet, and no tickers the analyst set.
      companies: [],
      companiesStamp: null,
      tickersByAnalyst: false,
    };
    expect(library.articles.list()).toEqual([{ ...v1Summary, ...migrated }]);
    expect(await library.articles.get(v1Summary.id)).toMatchObject({
      ...migrated,
      links: [],
      text: 'Ein Text.',
    });
    expect(library.status().notices).toEqual([]);
  });

  it('lays the library out in shards: an index, one folder per article, a lock', async () => {
    const library = await openHere();
    const { article } = await library.articles.insert(await paste('Eins.\nZwei.'));
    expect((await readdir(dataDir)).sort()).toEqual([
      'articles',
      'library.json',
      'margin.lock',
      'memos',
    ]);
    expect((await readdir(join(dataDir, 'articles', article.id))).sort()).toEqual([
      'annotations.json',
      'article.json',
    ]);
    const index = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'));
    expect(index.schemaVersion).toBe(6);
    expect(index.articles[0]).not.toHaveProperty('text');
  });

  it('adds nothing twice: the same text returns the article already there', async () => {
    const library = await openHere();
    const first = await library.articles.insert(await paste('Gleicher Text.'));
    const again = await library.articles.insert(await paste('Gleicher Text.', 'Other title'));
    expect(again).toEqual({ article: first.article, created: false });
    expect(library.articles.list()).toHaveLength(1);
  });

  describe('with a damaged library.json', () => {
    const damage: [string, (original: Buffer) => Buffer | string][] = [
      ['empty', () => ''],
      ['all NUL bytes', (original) => Buffer.alloc(original.length)],
      ['truncated', (original) => original.subarray(0, Math.floor(original.length / 2))],
      [
        'of the wrong schema',
        () =>
          JSON.stringify({
            schemaVersion: 4,
            settings: { watchlist: [] },
            codebook: [],
            articles: 'none',
          }),
      ],
    ];

    it.each(damage)(
      'sets an %s index aside, never overwrites it, and rebuilds the list',
      async (_label, corrupt) => {
        const library = await openHere();
        const a = await library.articles.insert(await paste('Artikel A.\nText.'));
        const b = await library.articles.insert(await paste('Artikel B.\nText.'));
        await closeAll();
        const damaged = corrupt(await readFile(join(dataDir, 'library.json')));
        await writeFile(join(dataDir, 'library.json'), damaged);

        const reopened = await openHere();
        const [notice] = reopened.status().notices;
        expect(notice).toMatchObject({ file: 'library.json' });
        expect(notice?.setAsideAs).toMatch(/^library\.json\.corrupt-\d{4}-\d\d-\d\dT/);
        expect(await readFile(join(dataDir, notice!.setAsideAs!))).toEqual(Buffer.from(damaged));
        expect(
          reopened.articles
            .list()
            .map((x) => x.id)
            .sort(),
        ).toEqual([a.article.id, b.article.id].sort());
        expect((await reopened.articles.get(a.article.id)).text).toBe('Artikel A.\n\nText.');
      },
    );

    it('sets an older-format index of the wrong schema aside too', async () => {
      const library = await openHere();
      const a = await library.articles.insert(await paste('Artikel A.\nText.'));
      await closeAll();
      const damaged = JSON.stringify({ schemaVersion: 1, articles: 'none' });
      await writeFile(join(dataDir, 'library.json'), damaged);

      const reopened = await openHere();
      expect(reopened.articles.list().map((x) => x.id)).toEqual([a.article.id]);
      const [notice] = reopened.status().notices;
      expect(notice).toMatchObject({ file: 'library.json' });
      expect(await readFile(join(dataDir, notice!.setAsideAs!))).toEqual(Buffer.from(damaged));
    });
  });

  it('opens an index from a newer Margin read-only and leaves it untouched', async () => {
    const library = await openHere();
    const { article } = await library.articles.insert(await paste('Neu.\nText.'));
    await closeAll();
    const index = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'));
    await writeFile(
      join(dataDir, 'library.json'),
      JSON.stringify({ ...index, schemaVersion: 9, future: true }),
    );
    const before = await snapshotFolder(join(dataDir, 'articles'));
    const indexBefore = await readFile(join(dataDir, 'library.json'));

    const reopened = await openHere();
    expect(reopened.status().readOnlyReason).toContain('newer version of Margin');
    expect(reopened.articles.list().map((a) => a.id)).toEqual([article.id]);
    await expect(reopened.articles.insert(await paste('Mehr.'))).rejects.toMatchObject({
      code: 'STORE_READ_ONLY',
    });
    expect(await readFile(join(dataDir, 'library.json'))).toEqual(indexBefore);
    expect(await snapshotFolder(join(dataDir, 'articles'))).toEqual(before);
  });

  it('sweeps interrupted imports and temp files, keeping complete articles', async () => {
    const library = await openHere();
    const { article } = await library.articles.insert(await paste('Bleibt.'));
    await closeAll();
    const staging = join(dataDir, 'articles', '.staging-0b8c1c1e-1111-4c1a-9a8e-2f0b1c3d4e5f');
    await mkdir(staging);
    await writeFile(join(staging, 'article.json'), '{"half":');
    await writeFile(join(dataDir, '.library.json.4242.0a1b2c3d.tmp'), '{"half":');

    await openHere();
    expect(await readdir(join(dataDir, 'articles'))).toEqual([article.id]);
    expect((await readdir(dataDir)).filter((e) => e.endsWith('.tmp'))).toEqual([]);
  });

  it('lists an article whose folder was complete when the app stopped before the index', async () => {
    const library = await openHere();
    await library.articles.insert(await paste('Erster.'));
    await copyFile(join(dataDir, 'library.json'), join(dataDir, 'index-before'));
    const { article } = await library.articles.insert(await paste('Zweiter.'));
    await closeAll();
    await copyFile(join(dataDir, 'index-before'), join(dataDir, 'library.json'));

    const reopened = await openHere();
    expect(reopened.articles.list().map((a) => a.id)).toContain(article.id);
    expect((await reopened.articles.get(article.id)).text).toBe('Zweiter.');
  });

  it('sets a damaged article file aside and says so, leaving the rest readable', async () => {
    const library = await openHere();
    const broken = await library.articles.insert(await paste('Kaputt.'));
    const fine = await library.articles.insert(await paste('Heil.'));
    await writeFile(
      join(dataDir, 'articles', broken.article.id, 'article.json'),
      '{"schemaVersion":1,',
    );

    const failure = await library.articles.get(broken.article.id).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'STORE_CORRUPT' });
    expect((failure as Error).message).toContain(`articles/${broken.article.id}/article.json`);
    expect((failure as Error).message).toContain('Kaputt');
    const files = await readdir(join(dataDir, 'articles', broken.article.id));
    expect(files.some((f) => f.startsWith('article.json.corrupt-'))).toBe(true);
    expect(library.status().notices).toHaveLength(1);
    expect((await library.articles.get(fine.article.id)).text).toBe('Heil.');
  });

  it('refuses, without renaming it, an article file written by a newer Margin', async () => {
    const library = await openHere();
    const { article } = await library.articles.insert(await paste('Aus der Zukunft.'));
    const path = join(dataDir, 'articles', article.id, 'article.json');
    const future = JSON.stringify({
      ...JSON.parse(await readFile(path, 'utf8')),
      schemaVersion: 5,
    });
    await writeFile(path, future);

    await expect(library.articles.get(article.id)).rejects.toMatchObject({
      code: 'STORE_READ_ONLY',
    });
    expect(await readFile(path, 'utf8')).toBe(future);
    expect(await readdir(join(dataDir, 'articles', article.id))).toEqual([
      'annotations.json',
      'article.json',
    ]);
  });

  it('refuses new writes once closing, after finishing the ones under way', async () => {
    const library = await openHere();
    const inFlight = library.articles.insert(await paste('Noch gespeichert.'));
    const closed = library.close();
    await expect(inFlight).resolves.toMatchObject({ created: true });
    await expect(library.articles.insert(await paste('Zu spät.'))).rejects.toMatchObject({
      code: 'STORE_READ_ONLY',
    });
    await closed;
    // Once close() has finished, every kind of write is refused.
    await expect(library.articles.insert(await paste('Viel zu spät.'))).rejects.toMatchObject({
      code: 'STORE_READ_ONLY',
      message: expect.stringContaining('closing'),
    });
    const reopened = await openHere();
    expect(reopened.articles.list().map((a) => a.title)).toEqual(['Noch gespeichert']);
  });

  it('runs the beforeClose tasks first, which may still write, then refuses every write', async () => {
    const library = await openHere();
    const { article } = await library.articles.insert(await paste('Vor dem Schließen.'));
    const steps: string[] = [];
    library.beforeClose(async () => {
      steps.push('task started');
      // A cache flushing on close still gets its write in.
      await library.settings.saveWatchlist([
        { name: 'Siemens Healthineers', ticker: 'SHL.DE', aliases: [] },
      ]);
      steps.push('task wrote');
    });
    // A failing task neither blocks the close nor keeps the lock.
    library.beforeClose(async () => {
      throw new Error('cache disk full');
    });

    const closed = library.close();
    expect(library.close()).toBe(closed);
    await closed;
    expect(steps).toEqual(['task started', 'task wrote']);

    const writes: Array<() => Promise<unknown>> = [
      async () => library.articles.insert(await paste('Nach dem Schließen.')),
      () => library.codebook.ensure(['Risk']),
      () => library.settings.saveWatchlist([]),
      () =>
        library.annotations.saveHighlight({
          id: '0b8c1c1e-1111-4c1a-9a8e-2f0b1c3d4e5f',
          articleId: article.id,
          selectors: {
            quote: { exact: 'Vor', prefix: '', suffix: ' dem' },
            position: { start: 0, end: 3 },
          },
          page: null,
          claimClass: 'thesis',
          tags: [],
          note: '',
          paraphrase: '',
          links: [],
          createdAt: '2026-11-25T09:00:00.000Z',
          updatedAt: '2026-11-25T09:00:00.000Z',
        }),
    ];
    for (const write of writes) {
      await expect(Promise.resolve().then(write)).rejects.toMatchObject({
        code: 'STORE_READ_ONLY',
      });
    }

    // The lock was released, and what the task wrote is there.
    const reopened = await openHere();
    expect(reopened.settings.watchlist()).toEqual([
      { name: 'Siemens Healthineers', ticker: 'SHL.DE', aliases: [] },
    ]);
    expect(await reopened.annotations.listHighlights(article.id)).toEqual([]);
  });

  it('writes nothing when saving the index fails, and says why', async () => {
    const library = await openHere();
    await library.articles.insert(await paste('Vorher.'));
    const articlesBefore = await readdir(join(dataDir, 'articles'));
    // A folder where library.json should be makes the index write fail like a broken disk.
    await rm(join(dataDir, 'library.json'));
    await mkdir(join(dataDir, 'library.json'));

    const failure = await library.articles.insert(await paste('Nachher.')).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'STORE_WRITE_FAILED' });
    expect((failure as Error).message).toMatch(/^Couldn't save "Nachher": .*Nothing was changed/);
    expect(await readdir(join(dataDir, 'articles'))).toEqual(articlesBefore);
    expect(library.articles.list()).toHaveLength(1);
  });
});
