import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../../shared/memo/logged-fields';
import { tagPath } from '../../../../shared/domain/tag-path';
import { buildArticle } from '../../features/articles/build-article';
import { parsePlainText } from '../../features/import/formats/parse-plain-text';
import { collectingLogger } from '../../test-support/collecting-logger';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { openLibrary, type Library } from '../open-library';

const logger = collectingLogger();
const now = () => new Date('2026-11-25T09:00:00.000Z');

const paste = (text: string) =>
  buildArticle(
    { document: parsePlainText(text), origin: { kind: 'paste', format: 'text' } },
    new Date('2026-11-20T08:00:00.000Z'),
  );

/** What a codebook call did, sync throw or rejection alike (the repo refuses synchronously). */
const outcome = (run: () => Promise<unknown>) =>
  Promise.resolve()
    .then(run)
    .then(
      () => null,
      (error: unknown) => error,
    );

describe('codebook repo', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  const libraryPath = () => join(dataDir, 'library.json');
  const onDisk = async () => JSON.parse(await readFile(libraryPath(), 'utf8'));
  const paths = () => library.codebook.list().map((t) => tagPath(library.codebook.list(), t.id));

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    library = await openLibrary(dataDir, { logger, now });
  });
  afterEach(async () => {
    await library.close();
    await cleanup();
  });

  it('starts empty and keeps tags in library.json next to the article index', async () => {
    expect(library.codebook.list()).toEqual([]);
    const { article } = await library.articles.insert(await paste('Ein Artikel.'));
    const { codebook, ids } = await library.codebook.ensure(['Risk › Regulatory', 'Thesis']);
    expect(ids).toHaveLength(2);
    expect(await onDisk()).toMatchObject({
      schemaVersion: 6,
      settings: {
        watchlist: [],
        recommendationScale: DEFAULT_RECOMMENDATION_SCALE,
        suggestions: { lexicons: {}, cueStats: [] },
      },
      codebook,
      articles: [expect.objectContaining({ id: article.id })],
    });
    expect(codebook.every((t) => t.createdAt === '2026-11-25T09:00:00.000Z')).toBe(true);
  });

  it('loses no tag and no article when codebook changes and imports run at once', async () => {
    const texts = Array.from({ length: 6 }, (_, i) => `Artikel Nummer ${i}.`);
    const articles = await Promise.all(texts.map(paste));
    const results = await Promise.all([
      ...articles.map((a) => library.articles.insert(a)),
      ...texts.map((_, i) => library.codebook.ensure([`Sector › Sector ${i}`])),
    ]);
    expect(results).toHaveLength(12);
    const expectedPaths = ['Sector', ...texts.map((_, i) => `Sector › Sector ${i}`)].sort();
    expect(paths().sort()).toEqual(expectedPaths);

    await library.close();
    library = await openLibrary(dataDir, { logger, now });
    expect(paths().sort()).toEqual(expectedPaths);
    expect(
      library.articles
        .list()
        .map((a) => a.id)
        .sort(),
    ).toEqual(articles.map((a) => a.id).sort());
  });

  it('renames and keeps the new name across a restart', async () => {
    const { ids } = await library.codebook.ensure(['Risk › Regulatory']);
    await library.codebook.rename(ids[0]!, '  Regulation ');
    await library.close();
    library = await openLibrary(dataDir, { logger, now });
    expect(paths()).toEqual(['Risk', 'Risk › Regulation']);
    expect(library.codebook.list().find((t) => t.name === 'Regulation')!.id).toBe(ids[0]);
  });

  it('retags through the callback before the merged tags leave the codebook', async () => {
    const { ids } = await library.codebook.ensure(['Old › Energy', 'Old › Banks', 'New › Energy']);
    const [oldEnergy, , newEnergy] = ids;
    const [old, neu] = ['Old', 'New'].map(
      (name) => library.codebook.list().find((t) => t.name === name)!.id,
    );
    let seen: { pairs: unknown; codebookThen: string[] } | undefined;

    const merged = await library.codebook.merge(old!, neu!, async (pairs) => {
      // The first pass; a second one runs after the commit for saves that raced it.
      seen ??= { pairs, codebookThen: library.codebook.list().map((t) => t.id) };
      return 7;
    });

    expect(seen!.pairs).toEqual([
      [old, neu],
      [oldEnergy, newEnergy],
    ]);
    // While highlights are retagged, the tags they are moved away from still exist.
    expect(seen!.codebookThen).toEqual(expect.arrayContaining([old, oldEnergy]));
    expect(merged.highlightsChanged).toBe(14); // both passes' counts
    expect(paths().sort()).toEqual(['New', 'New › Banks', 'New › Energy']);
    expect((await onDisk()).codebook).toEqual(library.codebook.list());
  });

  it('leaves the codebook as it was when retagging fails', async () => {
    await library.codebook.ensure(['Old › Energy', 'New']);
    const [old, neu] = ['Old', 'New'].map(
      (name) => library.codebook.list().find((t) => t.name === name)!.id,
    );
    const fileBefore = await readFile(libraryPath());
    const listBefore = library.codebook.list();

    const failure = await outcome(() =>
      library.codebook.merge(old!, neu!, async () => {
        throw new Error('disk gone');
      }),
    );
    expect(failure).toMatchObject({ message: 'disk gone' });
    expect(library.codebook.list()).toEqual(listBefore);
    expect(await readFile(libraryPath())).toEqual(fileBefore);
  });

  it('keeps the codebook in memory as on disk when library.json cannot be written', async () => {
    await library.codebook.ensure(['Risk']);
    const saved = await readFile(libraryPath());
    const risk = library.codebook.list()[0]!;
    // A folder where library.json should be makes every write fail like a broken disk.
    await rm(libraryPath());
    await mkdir(libraryPath());

    for (const change of [
      () => library.codebook.ensure(['Thesis › Margin']),
      () => library.codebook.rename(risk.id, 'Risiko'),
    ]) {
      const failure = await outcome(change);
      expect(failure).toMatchObject({ code: 'STORE_WRITE_FAILED' });
      expect((failure as Error).message).toMatch(
        /^Couldn't save the codebook: .*Nothing was changed/,
      );
      expect(library.codebook.list()).toEqual([risk]);
    }

    await rm(libraryPath(), { recursive: true });
    await writeFile(libraryPath(), saved);
    await library.codebook.ensure(['Thesis']);
    expect(paths()).toEqual(['Risk', 'Thesis']);
    expect((await onDisk()).codebook).toEqual(library.codebook.list());
  });

  it('refuses changes once the library is closing', async () => {
    await library.codebook.ensure(['Risk']);
    await library.close();
    const failure = await outcome(() => library.codebook.ensure(['Thesis']));
    expect(failure).toMatchObject({
      code: 'STORE_READ_ONLY',
      message: 'This library is read-only: Margin is closing the library.',
    });
    library = await openLibrary(dataDir, { logger, now });
    expect(paths()).toEqual(['Risk']);
  });
});
