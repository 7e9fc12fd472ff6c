import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTextRange } from '../../../../shared/anchoring/describe-text-range';
import { anchorHighlights } from '../../../../shared/anchoring/anchor-highlights';
import type { Highlight } from '../../../../shared/domain/highlight';
import { NO_LEXICON_EDITS } from '../../../../shared/domain/suggestion';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../../shared/memo/logged-fields';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { openLibrary, type Library } from '../open-library';
import { parseStoreFile } from '../parse-store-file';
import { articleDetailsFileSpec, articleFileSpec } from '../store-files';

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

/** What format 4 adds to a summary that had tickers: only the analyst could set them then. */
const addedInV4 = { companies: [], companiesStamp: null, tickersByAnalyst: true };
/** `summaryV2` as the current format reads it. */
const summaryV4 = { ...summaryV2, ...addedInV4 };
/** What format 6 (library.json) adds to the settings: no lexicon edits, no decisions counted. */
const noSuggestionSettings = { lexicons: {}, cueStats: [] };

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

  describe('library.json format 2 → 3 (→ 6)', () => {
    it('gains an empty codebook and keeps every article and setting', async () => {
      await writeLibraryV2();
      const fileBefore = await readFile(libraryPath());
      const opened = await open();

      expect(opened.status()).toMatchObject({ readOnlyReason: null, notices: [], articleCount: 1 });
      expect(opened.codebook.list()).toEqual([]);
      expect(opened.articles.list()).toEqual([summaryV4]);
      expect((await opened.articles.get(ARTICLE_ID)).text).toBe(TEXT);
      // Reading migrates in memory only: the file changes with the first real write.
      expect(await readFile(libraryPath())).toEqual(fileBefore);

      const { ids } = await opened.codebook.ensure(['Risk › Regulatory']);
      const onDisk = JSON.parse(await readFile(libraryPath(), 'utf8'));
      expect(onDisk).toEqual({
        schemaVersion: 6,
        settings: {
          watchlist: [],
          recommendationScale: DEFAULT_RECOMMENDATION_SCALE,
          suggestions: noSuggestionSettings,
        },
        codebook: opened.codebook.list(),
        articles: [summaryV4],
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
      // No tickers then, so none are the analyst's.
      expect(opened.articles.list()).toEqual([
        { ...summaryV4, tickers: [], tickersByAnalyst: false },
      ]);
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
          schemaVersion: 7,
          settings: {
            watchlist: [],
            recommendationScale: DEFAULT_RECOMMENDATION_SCALE,
            suggestions: noSuggestionSettings,
            futureSetting: 1,
          },
          codebook,
          articles: [summaryV4],
          futureField: true,
        }),
      );
      const before = await snapshotFolder(dataDir);
      const opened = await open();
      expect(opened.status().readOnlyReason).toContain('newer version of Margin');
      expect(opened.codebook.list()).toEqual(codebook);
      expect(opened.articles.list()).toEqual([summaryV4]);
      // (The codebook repo refuses synchronously; either way nothing may be written.)
      const changes: Array<() => Promise<unknown>> = [
        () => opened.codebook.ensure(['Thesis']),
        () => opened.codebook.rename(codebook[0]!.id, 'Risiko'),
        () => opened.settings.saveWatchlist([]),
        () => opened.settings.saveLexiconEdits('de', NO_LEXICON_EDITS),
        () =>
          opened.settings.countCueDecision({
            language: 'de',
            claimClass: 'risk',
            cues: ['risiko'],
            outcome: 'dismissed',
          }),
        () => opened.settings.resetCueStats(),
        () =>
          opened.articles.updateDetections([
            { id: ARTICLE_ID, companies: [], tickers: [], stamp: 'x' },
          ]),
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

  describe('annotations.json format 1 → 2 (→ 4)', () => {
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

    it('opens as format 4: tag names kept in the note, nothing else lost or changed', async () => {
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
          links: [],
          tags: [],
          note: 'Wichtig für die Marge\nzweite Zeile\nTags (earlier format): Regulatory, Banks',
        },
        {
          ...v1[1]!,
          claimClass: 'evidence',
          page: null,
          paraphrase: '',
          links: [],
          tags: [],
          note: 'Nur Notiz',
        },
        {
          ...v1[2]!,
          claimClass: 'thesis',
          page: null,
          paraphrase: '',
          links: [],
          tags: [],
          note: 'Tags (earlier format): Dividend',
        },
        {
          ...v1[3]!,
          claimClass: 'thesis',
          page: null,
          paraphrase: '',
          links: [],
          tags: [],
          note: '',
        },
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

      // The first change writes the current format, with every migrated highlight in it.
      const changed = await opened.annotations.updateHighlight(
        ARTICLE_ID,
        v1[3]!.id,
        (current) => ({ ...current, paraphrase: 'raises the dividend' }),
      );
      expect(JSON.parse(await readFile(annotationsPath(), 'utf8'))).toEqual({
        schemaVersion: 4,
        articleId: ARTICLE_ID,
        highlights: [...expected.slice(0, 3), changed],
        dismissedSuggestions: [],
      });

      await opened.close();
      const reopened = await open();
      expect(await reopened.annotations.listHighlights(ARTICLE_ID)).toEqual([
        ...expected.slice(0, 3),
        changed,
      ]);
    });

    it('opens an empty format 1 file as an empty file', async () => {
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

  describe('library.json format 3 → 4 (→ 6)', () => {
    const OTHER_ID = '9d3e1f2a-4b5c-4d6e-8f70-8192a3b4c5d6';
    const OTHER_TEXT = 'Alphabet und Amazon investieren weiter in Rechenzentren.';
    /** A summary in format 3 without tickers (format 3 summaries were format 2's). */
    const otherV3 = {
      ...summaryV2,
      id: OTHER_ID,
      title: 'Rechenzentren',
      tickers: [],
      contentHash: 'b'.repeat(64),
      importedAt: '2026-10-01T10:00:00.000Z',
    };
    const codebook = [
      {
        id: '0b8c1c1e-1111-4c1a-9a8e-2f0b1c3d4e5f',
        name: 'Risk',
        parentId: null,
        createdAt: '2026-11-02T10:00:00.000Z',
      },
      {
        id: '0b8c1c1e-2222-4c1a-9a8e-2f0b1c3d4e5f',
        name: 'Regulatory',
        parentId: '0b8c1c1e-1111-4c1a-9a8e-2f0b1c3d4e5f',
        createdAt: '2026-11-02T10:01:00.000Z',
      },
    ];

    /** A library in format 3 (codebook, no watchlist) holding two articles. */
    async function writeLibraryV3() {
      await writeLibraryV2();
      const otherDir = join(dataDir, 'articles', OTHER_ID);
      await mkdir(otherDir, { recursive: true });
      await writeFile(
        join(otherDir, 'article.json'),
        JSON.stringify({
          schemaVersion: 2,
          article: {
            ...otherV3,
            text: OTHER_TEXT,
            blocks: [{ kind: 'paragraph', start: 0, end: OTHER_TEXT.length }],
            links: [],
          },
        }),
      );
      await writeFile(
        libraryPath(),
        JSON.stringify({
          schemaVersion: 3,
          settings: {},
          codebook,
          articles: [summaryV2, otherV3],
        }),
      );
    }

    it('gains an empty watchlist and the detection fields, keeping everything else', async () => {
      await writeLibraryV3();
      const fileBefore = await readFile(libraryPath());
      const opened = await open();

      expect(opened.status()).toMatchObject({ readOnlyReason: null, notices: [], articleCount: 2 });
      expect(opened.settings.watchlist()).toEqual([]);
      expect(opened.codebook.list()).toEqual(codebook);
      // tickersByAnalyst is true exactly for the article that already had tickers.
      const expected = [
        { ...summaryV2, companies: [], companiesStamp: null, tickersByAnalyst: true },
        { ...otherV3, companies: [], companiesStamp: null, tickersByAnalyst: false },
      ];
      expect(opened.articles.list()).toEqual(expected);
      expect((await opened.articles.get(OTHER_ID)).text).toBe(OTHER_TEXT);
      // Reading migrates in memory only.
      expect(await readFile(libraryPath())).toEqual(fileBefore);

      // The first write stores the current format (6) with everything kept.
      const watchlist = [
        { name: 'Siemens Healthineers', ticker: 'SHL.DE', aliases: ['Healthineers'] },
      ];
      await opened.settings.saveWatchlist(watchlist);
      expect(JSON.parse(await readFile(libraryPath(), 'utf8'))).toEqual({
        schemaVersion: 6,
        settings: {
          watchlist,
          recommendationScale: DEFAULT_RECOMMENDATION_SCALE,
          suggestions: noSuggestionSettings,
        },
        codebook,
        articles: expected,
      });
      await opened.close();
      const reopened = await open();
      expect(reopened.articles.list()).toEqual(expected);
      expect(reopened.settings.watchlist()).toEqual(watchlist);
    });

    it('never lets detection replace the tickers an analyst set before format 4', async () => {
      await writeLibraryV3();
      const opened = await open();
      const found = (id: string) => ({
        id,
        companies: [
          {
            name: 'Alphabet',
            ticker: 'GOOGL',
            exchange: 'NASDAQ',
            kind: 'listed' as const,
            mentions: 1,
          },
        ],
        tickers: ['GOOGL'],
        stamp: 'rules-test',
      });
      await opened.articles.updateDetections([found(ARTICLE_ID), found(OTHER_ID)]);
      const [analysts, detected] = opened.articles.list();
      expect(analysts).toMatchObject({ tickers: ['MSFT'], tickersByAnalyst: true });
      expect(analysts!.companies.map((c) => c.name)).toEqual(['Alphabet']);
      expect(detected).toMatchObject({ tickers: ['GOOGL'], tickersByAnalyst: false });
      expect(detected!.companiesStamp).toBe('rules-test');
    });
  });

  describe('article.json format 2 → 3', () => {
    it('gains the detection fields and keeps the text, blocks and metadata', async () => {
      await writeLibraryV2();
      const bytes = await readFile(join(articleDir(), 'article.json'));
      const v2 = JSON.parse(bytes.toString('utf8'));
      const migrated = parseStoreFile(articleFileSpec, bytes);
      expect(migrated).toEqual({
        schemaVersion: 3,
        article: { ...v2.article, ...addedInV4 },
      });
      // And without tickers, detection may fill them in later.
      const untagged = parseStoreFile(
        articleFileSpec,
        Buffer.from(JSON.stringify({ ...v2, article: { ...v2.article, tickers: [] } })),
      );
      expect(untagged.article).toMatchObject({ tickers: [], tickersByAnalyst: false });
    });

    it('lists a format 2 article right when the index is rebuilt from the folders', async () => {
      await writeLibraryV2();
      const articleBefore = await readFile(join(articleDir(), 'article.json'));
      await writeFile(libraryPath(), '{"schemaVersion":4,'); // damaged: rebuilt from folders
      const opened = await open();
      expect(opened.status().notices).toHaveLength(1);
      expect(opened.articles.list()).toEqual([summaryV4]);
      expect(await opened.articles.get(ARTICLE_ID)).toMatchObject({ ...summaryV4, text: TEXT });
      // The article file is written once at import and never rewritten.
      expect(await readFile(join(articleDir(), 'article.json'))).toEqual(articleBefore);
    });
  });

  describe('details.json format 1 → 2', () => {
    const details = {
      title: 'Bafin prüft',
      source: 'Handelsblatt',
      author: null,
      publishedAt: '2026-11-01',
      url: null,
      language: 'de',
    };
    const v1 = (tickers: string[]) =>
      Buffer.from(
        JSON.stringify({
          schemaVersion: 1,
          articleId: ARTICLE_ID,
          details: { ...details, tickers },
        }),
      );

    it('records the tickers as the analyst’s when there were any (only the analyst set them)', () => {
      expect(parseStoreFile(articleDetailsFileSpec, v1(['MSFT']))).toEqual({
        schemaVersion: 2,
        articleId: ARTICLE_ID,
        details: { ...details, tickers: ['MSFT'] },
        tickersByAnalyst: true,
      });
      expect(parseStoreFile(articleDetailsFileSpec, v1([])).tickersByAnalyst).toBe(false);
    });

    it('keeps that mark when the index is rebuilt from the folders', async () => {
      await writeLibraryV2();
      await writeFile(join(articleDir(), 'details.json'), v1(['SAP']));
      await writeFile(libraryPath(), '{"schemaVersion":4,'); // damaged: rebuilt from folders
      const opened = await open();
      expect(opened.articles.list()[0]).toMatchObject({ tickers: ['SAP'], tickersByAnalyst: true });
    });
  });

  describe('annotations.json format 2 → 3 (→ 4)', () => {
    const stamp = '2026-11-01T10:00:00.000Z';
    const v2Highlight = (words: string, extra: object = {}) => {
      const start = TEXT.indexOf(words);
      return {
        id: randomUUID(),
        articleId: ARTICLE_ID,
        selectors: describeTextRange(TEXT, start, start + words.length),
        page: null,
        claimClass: 'thesis',
        tags: [],
        note: '',
        paraphrase: '',
        createdAt: stamp,
        updatedAt: stamp,
        ...extra,
      };
    };

    it('gives every highlight an empty list of links, nothing else changed', async () => {
      await writeLibraryV2();
      const v2 = [
        v2Highlight('Die Bafin prüft', {
          claimClass: 'risk',
          page: 3,
          tags: [randomUUID(), randomUUID()],
          note: 'Notiz\nzweite Zeile',
          paraphrase: 'BaFin is looking into it.',
        }),
        v2Highlight('erhöht die Dividende'),
      ];
      const fileV2 = JSON.stringify({ schemaVersion: 2, articleId: ARTICLE_ID, highlights: v2 });
      await writeFile(annotationsPath(), fileV2);
      const opened = await open();

      const expected = v2.map((h) => ({ ...h, links: [] }));
      expect(await opened.annotations.listHighlights(ARTICLE_ID)).toEqual(expected);
      expect(opened.status().notices).toEqual([]);
      expect(await readFile(annotationsPath(), 'utf8')).toBe(fileV2);

      // The first change writes the current format (4).
      const link = {
        id: randomUUID(),
        to: { articleId: ARTICLE_ID, id: v2[1]!.id },
        kind: 'supports' as const,
        createdAt: stamp,
      };
      const changed = await opened.annotations.updateHighlight(ARTICLE_ID, v2[0]!.id, (h) => ({
        ...h,
        links: [link],
      }));
      expect(changed).toEqual({ ...expected[0], links: [link] });
      expect(JSON.parse(await readFile(annotationsPath(), 'utf8'))).toEqual({
        schemaVersion: 4,
        articleId: ARTICLE_ID,
        highlights: [changed, expected[1]],
        dismissedSuggestions: [],
      });
    });

    it('sets aside, never repairs, a format 2 file that is not a highlights file', async () => {
      await writeLibraryV2();
      const stray = JSON.stringify({
        schemaVersion: 2,
        articleId: ARTICLE_ID,
        highlights: [v2Highlight('das Geschäft', { claimClass: 'opinion' })],
      });
      await writeFile(annotationsPath(), stray);
      const opened = await open();
      await expect(opened.annotations.listHighlights(ARTICLE_ID)).rejects.toMatchObject({
        code: 'STORE_CORRUPT',
      });
      const [notice] = opened.status().notices;
      expect(await readFile(join(dataDir, notice!.setAsideAs!), 'utf8')).toBe(stray);
    });
  });

  describe('library.json format 5 → 6: claim suggestions', () => {
    const watchlist = [
      { name: 'Siemens Healthineers', ticker: 'SHL.DE', aliases: ['Healthineers'] },
    ];
    const scale = ['Outperform', 'Neutral', 'Underperform'];
    const codebook = [
      {
        id: '0b8c1c1e-1111-4c1a-9a8e-2f0b1c3d4e5f',
        name: 'Risk',
        parentId: null,
        createdAt: '2026-11-02T10:00:00.000Z',
      },
    ];

    /** A library in format 5 (memos: a recommendation scale, no suggestion settings). */
    async function writeLibraryV5() {
      await writeLibraryV2();
      await writeFile(
        libraryPath(),
        JSON.stringify({
          schemaVersion: 5,
          settings: { watchlist, recommendationScale: scale },
          codebook,
          articles: [summaryV4],
        }),
      );
    }

    it('gains empty suggestion settings, keeping every setting and article', async () => {
      await writeLibraryV5();
      const fileBefore = await readFile(libraryPath());
      const opened = await open();

      expect(opened.status()).toMatchObject({ readOnlyReason: null, notices: [], articleCount: 1 });
      expect(opened.settings.watchlist()).toEqual(watchlist);
      expect(opened.settings.recommendationScale()).toEqual(scale);
      expect(opened.codebook.list()).toEqual(codebook);
      expect(opened.articles.list()).toEqual([summaryV4]);
      expect((await opened.articles.get(ARTICLE_ID)).text).toBe(TEXT);
      for (const language of ['de', 'en', 'fr'] as const) {
        expect(opened.settings.lexiconEdits(language)).toBeUndefined();
      }
      expect(opened.settings.cueStats()).toEqual([]);
      // Reading migrates in memory only.
      expect(await readFile(libraryPath())).toEqual(fileBefore);

      // The first write stores format 6 with everything kept.
      await opened.settings.saveWatchlist(watchlist);
      expect(JSON.parse(await readFile(libraryPath(), 'utf8'))).toEqual({
        schemaVersion: 6,
        settings: { watchlist, recommendationScale: scale, suggestions: noSuggestionSettings },
        codebook,
        articles: [summaryV4],
      });
      await opened.close();
      const reopened = await open();
      expect(reopened.status().notices).toEqual([]);
      expect(reopened.settings.recommendationScale()).toEqual(scale);
      expect(reopened.settings.cueStats()).toEqual([]);
      expect(reopened.articles.list()).toEqual([summaryV4]);
    });
  });

  describe('annotations.json format 3 → 4: dismissed suggestions', () => {
    const stamp = '2026-11-01T10:00:00.000Z';
    const v3Highlight = (words: string, extra: object = {}) => {
      const start = TEXT.indexOf(words);
      return {
        id: randomUUID(),
        articleId: ARTICLE_ID,
        selectors: describeTextRange(TEXT, start, start + words.length),
        page: null,
        claimClass: 'thesis',
        tags: [],
        note: '',
        paraphrase: '',
        links: [],
        createdAt: stamp,
        updatedAt: stamp,
        ...extra,
      };
    };

    it('keeps every highlight and gains an empty list of dismissed suggestions', async () => {
      await writeLibraryV2();
      const first = v3Highlight('Die Bafin prüft', {
        claimClass: 'risk',
        page: 2,
        tags: [randomUUID()],
        note: 'Notiz',
        paraphrase: 'BaFin is looking into it.',
      });
      const second = v3Highlight('erhöht die Dividende', {
        links: [
          {
            id: randomUUID(),
            to: { articleId: ARTICLE_ID, id: first.id },
            kind: 'supports',
            createdAt: stamp,
          },
        ],
      });
      const v3 = [first, second];
      const fileV3 = JSON.stringify({ schemaVersion: 3, articleId: ARTICLE_ID, highlights: v3 });
      await writeFile(annotationsPath(), fileV3);
      const opened = await open();

      expect(await opened.annotations.listHighlights(ARTICLE_ID)).toEqual(v3);
      expect(await opened.annotations.listDismissedSuggestions(ARTICLE_ID)).toEqual([]);
      expect(opened.status().notices).toEqual([]);
      // Reading never rewrites the file.
      expect(await readFile(annotationsPath(), 'utf8')).toBe(fileV3);

      // The first change writes format 4, every highlight as it was.
      const sentence = { start: 0, end: TEXT.indexOf('.') + 1 };
      await opened.annotations.dismissSuggestion(ARTICLE_ID, sentence);
      expect(JSON.parse(await readFile(annotationsPath(), 'utf8'))).toEqual({
        schemaVersion: 4,
        articleId: ARTICLE_ID,
        highlights: v3,
        dismissedSuggestions: [sentence],
      });

      await opened.close();
      const reopened = await open();
      expect(await reopened.annotations.listHighlights(ARTICLE_ID)).toEqual(v3);
      expect(await reopened.annotations.listDismissedSuggestions(ARTICLE_ID)).toEqual([sentence]);
    });
  });
});
