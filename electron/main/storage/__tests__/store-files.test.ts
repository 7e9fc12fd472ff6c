import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTextRange } from '../../../../shared/anchoring/describe-text-range';
import { anchorHighlights } from '../../../../shared/anchoring/anchor-highlights';
import type { Highlight } from '../../../../shared/domain/highlight';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { openLibrary, type Library } from '../open-library';

const logger = collectingLogger();

const ARTICLE_ID = '6f1c2a1e-8d2b-4c1a-9a8e-2f0b1c3d4e5f';
const TEXT = 'Die Bafin prüft das Geschäft.\n\nDer Vorstand erhöht die Dividende.';

/** An article summary in library format 2 (and article format 2). */
const summaryV2 = {
  id: ARTICLE_ID,
  title: 'Bafin prüft',
  source: 'Handelsblatt',
  author: null,
  publishedAt: '2026-11-01',
  language: 'de',
  url: null,
  tickers: ['MSFT'],
  importedAt: '2026-11-01T10:00:00.000Z',
  origin: { kind: 'paste', format: 'text' },
  contentHash: 'a'.repeat(64),
  wordCount: 10,
  versionOf: null,
};

describe('store file migrations', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library | undefined;
  const articleDir = () => join(dataDir, 'articles', ARTICLE_ID);
  const annotationsPath = () => join(articleDir(), 'annotations.json');
  const libraryPath = () => join(dataDir, 'library.json');

  /** A library in format 2 (before the codebook) holding one article. */
  async function writeLibraryV2(extra: object = {}) {
    await mkdir(articleDir(), { recursive: true });
    await writeFile(
      libraryPath(),
      JSON.stringify({ schemaVersion: 2, settings: {}, articles: [summaryV2], ...extra }),
    );
    const blocks = [
      { kind: 'paragraph', start: 0, end: 29 },
      { kind: 'paragraph', start: 31, end: TEXT.length },
    ];
    await writeFile(
      join(articleDir(), 'article.json'),
      JSON.stringify({
        schemaVersion: 2,
        article: { ...summaryV2, text: TEXT, blocks, links: [] },
      }),
    );
  }

  const open = async () => (library = await openLibrary(dataDir, { logger }));

  beforeEach(async () => ({ dir: dataDir, cleanup } = await createTempDataDir()));
  afterEach(async () => {
    await library?.close();
    library = undefined;
    await cleanup();
  });

  describe('library.json format 2 → 3', () => {
    it('gains an empty codebook and keeps every article and setting', async () => {
      await writeLibraryV2();
      const fileBefore = await readFile(libraryPath());
      const opened = await open();

      expect(opened.status()).toMatchObject({ readOnlyReason: null, notices: [], articleCount: 1 });
      expect(opened.codebook.list()).toEqual([]);
      expect(opened.articles.list()).toEqual([summaryV2]);
      expect((await opened.articles.get(ARTICLE_ID)).text).toBe(TEXT);
      // Reading migrates in memory only: the file changes with the first real write.
      expect(await readFile(libraryPath())).toEqual(fileBefore);

      const { ids } = await opened.codebook.ensure(['Risk › Regulatory']);
      const onDisk = JSON.parse(await readFile(libraryPath(), 'utf8'));
      expect(onDisk).toEqual({
        schemaVersion: 3,
        settings: {},
        codebook: opened.codebook.list(),
        articles: [summaryV2],
      });
      expect(onDisk.codebook.map((t: { id: string }) => t.id)).toContain(ids[0]);
    });

    it('migrates a format 1 library through format 2 to an empty codebook', async () => {
      // Format 1 summaries had no url, tickers or versionOf, and a paste had no format.
      const summaryV1: Record<string, unknown> = { ...summaryV2, origin: { kind: 'paste' } };
      for (const key of ['url', 'tickers', 'versionOf']) delete summaryV1[key];
      await writeLibraryV2();
      await writeFile(
        libraryPath(),
        JSON.stringify({
          schemaVersion: 1,
          settings: {},
          articles: [summaryV1],
        }),
      );
      const opened = await open();
      expect(opened.status().notices).toEqual([]);
      expect(opened.codebook.list()).toEqual([]);
      expect(opened.articles.list()).toEqual([{ ...summaryV2, tickers: [] }]);
    });

    it('opens a newer library read-only with its codebook readable but unchangeable', async () => {
      await writeLibraryV2();
      const codebook = [
        {
          id: '0b8c1c1e-1111-4c1a-9a8e-2f0b1c3d4e5f',
          name: 'Risk',
          parentId: null,
          createdAt: '2026-11-02T10:00:00.000Z',
        },
      ];
      await writeFile(
        libraryPath(),
        JSON.stringify({
          schemaVersion: 4,
          settings: {},
          codebook,
          articles: [summaryV2],
          futureField: true,
        }),
      );
      const before = await snapshotFolder(dataDir);
      const opened = await open();
      expect(opened.status().readOnlyReason).toContain('newer version of Margin');
      expect(opened.codebook.list()).toEqual(codebook);
      // (The codebook repo refuses synchronously; either way nothing may be written.)
      const changes: Array<() => Promise<unknown>> = [
        () => opened.codebook.ensure(['Thesis']),
        () => opened.codebook.rename(codebook[0]!.id, 'Risiko'),
      ];
      for (const change of changes) {
        await expect(Promise.resolve().then(change)).rejects.toMatchObject({
          code: 'STORE_READ_ONLY',
        });
      }
      await opened.close();
      library = undefined;
      const after = await snapshotFolder(dataDir);
      delete before['margin.lock'];
      delete after['margin.lock'];
      expect(after).toEqual(before);
    });
  });

  describe('annotations.json format 1 → 2', () => {
    const stamp = '2026-11-01T10:00:00.000Z';
    const v1Highlight = (words: string, extra: object) => {
      const start = TEXT.indexOf(words);
      const selectors = describeTextRange(TEXT, start, start + words.length);
      return {
        id: randomUUID(),
        articleId: ARTICLE_ID,
        selectors,
        claimClass: 'risk',
        createdAt: stamp,
        updatedAt: stamp,
        ...extra,
      };
    };

    it('opens as format 2: tag names kept in the note, nothing else lost or changed', async () => {
      await writeLibraryV2();
      const v1 = [
        v1Highlight('Die Bafin prüft', {
          tags: ['Regulatory', 'Banks'],
          note: 'Wichtig für die Marge\nzweite Zeile',
        }),
        v1Highlight('das Geschäft', { claimClass: 'evidence', tags: [], note: 'Nur Notiz' }),
        v1Highlight('Der Vorstand', { claimClass: 'thesis', tags: ['Dividend'] }),
        v1Highlight('erhöht die Dividende', { claimClass: 'thesis' }),
      ];
      const fileV1 = JSON.stringify({ schemaVersion: 1, articleId: ARTICLE_ID, highlights: v1 });
      await writeFile(annotationsPath(), fileV1);
      const opened = await open();

      const migrated = await opened.annotations.listHighlights(ARTICLE_ID);
      const expected: Highlight[] = [
        {
          ...v1[0]!,
          claimClass: 'risk',
          page: null,
          paraphrase: '',
          tags: [],
          note: 'Wichtig für die Marge\nzweite Zeile\nTags (earlier format): Regulatory, Banks',
        },
        {
          ...v1[1]!,
          claimClass: 'evidence',
          page: null,
          paraphrase: '',
          tags: [],
          note: 'Nur Notiz',
        },
        {
          ...v1[2]!,
          claimClass: 'thesis',
          page: null,
          paraphrase: '',
          tags: [],
          note: 'Tags (earlier format): Dividend',
        },
        { ...v1[3]!, claimClass: 'thesis', page: null, paraphrase: '', tags: [], note: '' },
      ];
      expect(migrated).toEqual(expected);
      expect(opened.status().notices).toEqual([]);
      // Their selectors still anchor where they were.
      expect(
        anchorHighlights(
          TEXT,
          migrated.map((h) => h.selectors),
        ).map((a) => a?.method),
      ).toEqual(['position', 'position', 'position', 'position']);
      // Reading never rewrites the file.
      expect(await readFile(annotationsPath(), 'utf8')).toBe(fileV1);

      // The first change writes format 2, with every migrated highlight in it.
      const changed = await opened.annotations.updateHighlight(
        ARTICLE_ID,
        v1[3]!.id,
        (current) => ({ ...current, paraphrase: 'raises the dividend' }),
      );
      expect(JSON.parse(await readFile(annotationsPath(), 'utf8'))).toEqual({
        schemaVersion: 2,
        articleId: ARTICLE_ID,
        highlights: [...expected.slice(0, 3), changed],
      });

      await opened.close();
      const reopened = await open();
      expect(await reopened.annotations.listHighlights(ARTICLE_ID)).toEqual([
        ...expected.slice(0, 3),
        changed,
      ]);
    });

    it('opens an empty format 1 file as an empty format 2 file', async () => {
      await writeLibraryV2();
      await writeFile(
        annotationsPath(),
        JSON.stringify({ schemaVersion: 1, articleId: ARTICLE_ID, highlights: [] }),
      );
      const opened = await open();
      expect(await opened.annotations.listHighlights(ARTICLE_ID)).toEqual([]);
      expect(opened.status().notices).toEqual([]);
    });
  });
});
