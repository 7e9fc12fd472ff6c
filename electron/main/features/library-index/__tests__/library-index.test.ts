import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimPage } from '../../../../../shared/claims/claim-page';
import type { ClaimFilter } from '../../../../../shared/claims/claim-query';
import type { Article, ArticleSummary } from '../../../../../shared/domain/article';
import type { ClaimRelations } from '../../../../../shared/domain/claim-relations';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import type { IndexStatus, SearchResults } from '../../../../../shared/domain/search-result';
import type { Envelope } from '../../../../../shared/ipc/envelope';
import type { Logger } from '../../../logging/logger';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { valueOf } from '../../../test-support/envelope-of';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { mainHarness } from '../../../test-support/main-harness';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { companyDetector } from '../../companies/company-detector';
import { spanOf } from '../../../test-support/span-of';

const NVIDIA =
  'Nvidia reports record data-center revenue\n\nMargins expanded as demand for accelerators outpaced supply. OpenAI and other labs keep ordering.';

const ref = (h: Highlight) => ({ articleId: h.articleId, id: h.id });

describe('the library index (claims board, links, search) and its cache', () => {
  let clock: number;
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date(clock) });
  const { call, close, importSeed } = app;
  const cachePath = () => join(app.dataDir, 'cache', 'library-index.bin');

  /**
   * Starts the app over the data folder. `onLog` sees each log line as it is written (the
   * index logs when a build starts). Waits for the index's build unless told not to.
   */
  async function start({
    wait = true,
    onLog,
  }: { wait?: boolean; onLog?: (line: string) => void } = {}): Promise<void> {
    const logger = collectingLogger();
    const watched: Logger = {
      ...logger,
      info: (...args) => {
        logger.info(...args);
        onLog?.(String(args[0]));
      },
    };
    await app.start({ wait, logger: watched });
  }

  const addArticle = (text: string, publishedAt: string) =>
    app.addArticle(text, { language: 'en', given: { publishedAt, source: 'Reuters' } });

  async function claim(
    article: Article,
    words: string,
    claimClass: Highlight['claimClass'],
    extra: Record<string, unknown> = {},
  ): Promise<Highlight> {
    clock += 60_000;
    return valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: article.id,
        ...spanOf(article.text, words),
        claimClass,
        ...extra,
      }),
    ).highlight;
  }

  const page = async (filter: ClaimFilter = {}) =>
    valueOf<ClaimPage>(
      await call('claims:query', {
        filter,
        sort: 'created-asc',
        groupBy: 'none',
        offset: 0,
        limit: 500,
      }),
    );
  const idsOf = async (filter: ClaimFilter = {}) => (await page(filter)).rows.map((r) => r.id);
  const searchIds = async (query: string) =>
    valueOf<SearchResults>(await call('search:query', { query })).results.map((r) =>
      r.kind === 'claim' ? `claim ${r.id}` : `article ${r.articleId}`,
    );
  const status = async () => valueOf<IndexStatus>(await call('search:status'));

  /** Two articles, three claims (one linked to the thesis), as the tests below start. */
  async function populate() {
    const seed = await importSeed();
    const nvidia = await addArticle(NVIDIA, '2026-09-01');
    const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis', {
      note: 'Kernthese: Bewertung unter Druck',
    });
    const risk = await claim(seed, 'erste Risse', 'risk', { note: 'Zebrarisiko prüfen' });
    const evidence = await claim(nvidia, 'Margins expanded', 'evidence', {
      paraphrase: 'Margen steigen deutlich',
    });
    clock += 60_000;
    valueOf(
      await call('relations:create', { from: ref(evidence), to: ref(thesis), kind: 'supports' }),
    );
    return { seed, nvidia, thesis, risk, evidence };
  }

  /** What the board, links and search answer: compared before and after a restart. */
  async function observe(thesis: Highlight) {
    const queries = ['Rückgang', 'ruckgang', 'Kernthese', 'Margen', 'Zebra', 'Nvidia', 'GOOGL'];
    const search: Record<string, unknown> = {};
    for (const query of queries) {
      const { results } = valueOf<SearchResults>(await call('search:query', { query }));
      // Scores are BM25 over index statistics; what is found and shown is what matters here.
      search[query] = results.map(({ score: _score, ...rest }) => rest);
    }
    return {
      board: await page(),
      thesisOnly: await idsOf({ classes: ['thesis'], tickers: ['MSFT'] }),
      relations: valueOf<ClaimRelations>(await call('claims:relations', ref(thesis))),
      search,
    };
  }

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    await start();
  });
  afterEach(() => app.cleanup());
  afterAll(() => parser.close());

  describe('companies found at import', () => {
    it('gives the seed its tickers and companies, and never overrides tickers the analyst set', async () => {
      const seed = await importSeed();
      const summary = async (id: string) =>
        valueOf<ArticleSummary[]>(await call('articles:list')).find((a) => a.id === id)!;

      expect(seed.tickers[0]).toBe('MSFT');
      expect([...seed.tickers].sort()).toEqual(['AMZN', 'GOOGL', 'META', 'MSFT']);
      expect(seed.companies).toContainEqual(
        expect.objectContaining({ name: 'OpenAI', kind: 'private', ticker: null }),
      );
      expect(seed.companies.map((c) => c.name)).toEqual(
        expect.arrayContaining(['Microsoft', 'OpenAI', 'Alphabet', 'Amazon', 'Meta']),
      );
      expect(seed.companiesStamp).toBe(companyDetector([]).stamp);
      expect(seed.tickersByAnalyst).toBe(false);
      const nvidia = await addArticle(NVIDIA, '2026-09-01');
      expect(nvidia.tickers).toEqual(['NVDA']);
      const seedClaim = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const nvidiaClaim = await claim(nvidia, 'Margins expanded', 'evidence');
      expect(await idsOf({ tickers: ['meta'] })).toEqual([seedClaim.id]);

      // The analyst narrows the seed's tickers: from now on they are the analyst's.
      const edited = valueOf<ArticleSummary>(
        await call('articles:updateMetadata', {
          id: seed.id,
          title: seed.title,
          source: seed.source,
          author: seed.author,
          publishedAt: seed.publishedAt,
          url: seed.url,
          language: seed.language,
          tickers: ['MSFT'],
        }),
      );
      expect(edited).toMatchObject({ tickers: ['MSFT'], tickersByAnalyst: true });
      expect(await idsOf({ tickers: ['META'] })).toEqual([]);
      expect(await idsOf({ tickers: ['MSFT'] })).toEqual([seedClaim.id]);

      // A watchlist entry both articles name: detection runs again in the background.
      valueOf(
        await call('settings:saveWatchlist', [{ name: 'OpenAI', ticker: 'opai', aliases: [] }]),
      );
      await app.index.whenBuilt();
      const stamp = companyDetector([{ name: 'OpenAI', ticker: 'OPAI', aliases: [] }]).stamp;
      expect(await summary(seed.id)).toMatchObject({
        tickers: ['MSFT'],
        tickersByAnalyst: true,
        companiesStamp: stamp,
      });
      expect((await summary(seed.id)).companies).toContainEqual(
        expect.objectContaining({ name: 'OpenAI', ticker: 'OPAI', kind: 'watchlist' }),
      );
      // The other article's tickers are detection's: they follow the watchlist.
      expect(await summary(nvidia.id)).toMatchObject({
        tickers: expect.arrayContaining(['NVDA', 'OPAI']),
        tickersByAnalyst: false,
        companiesStamp: stamp,
      });
      expect(await idsOf({ tickers: ['OPAI'] })).toEqual([nvidiaClaim.id]);

      // And so it stays after a restart.
      await close();
      await start();
      expect(await summary(seed.id)).toMatchObject({ tickers: ['MSFT'], tickersByAnalyst: true });
      expect(await status()).toEqual({ state: 'ready', done: 0, total: 0 });
    });
  });

  describe('the cache', () => {
    it('is written on close and answers at once after a restart, without rebuilding', async () => {
      const { thesis } = await populate();
      const before = await observe(thesis);
      expect(before.board.claimCount).toBe(3);
      expect(before.relations.from).toHaveLength(1);
      await close();
      const cache = await readFile(cachePath());
      expect(cache.subarray(0, 8).toString('latin1')).toBe('MRGN-IDX');

      let buildLogged = false;
      await start({
        wait: false,
        onLog: (line) => (buildLogged ||= line.startsWith('Index: updating')),
      });
      // Straight away, before the startup check has looked at a single shard.
      expect(await page()).toEqual(before.board);
      expect(await observe(thesis)).toEqual(before);
      await app.index.whenBuilt();
      expect(buildLogged).toBe(false);
      expect(await status()).toEqual({ state: 'ready', done: 0, total: 0 });
      expect(await observe(thesis)).toEqual(before);
    });

    it('is rebuilt when missing, reporting its progress, and written again', async () => {
      const { thesis } = await populate();
      const before = await observe(thesis);
      await close();
      await rm(cachePath());

      let during: Promise<Envelope<unknown>> | undefined;
      // The status at the moment the build starts, taken synchronously through the handler.
      await start({
        wait: false,
        onLog: (line) => {
          if (line.startsWith('Index: updating')) during = call('search:status');
        },
      });
      await app.index.whenBuilt();
      expect(during).toBeDefined();
      expect(valueOf(await during!)).toEqual({ state: 'building', done: 0, total: 2 });
      expect(await status()).toEqual({ state: 'ready', done: 2, total: 2 });

      // The build writes the cache as soon as it is done. Closing while that write is under
      // way waits for it: the cache is on disk once close() resolves.
      await new Promise((resolve) => setTimeout(resolve, 1));
      await close();
      expect((await readFile(cachePath())).subarray(0, 8).toString('latin1')).toBe('MRGN-IDX');
      await start();
      expect(await status()).toEqual({ state: 'ready', done: 0, total: 0 });
      expect(await observe(thesis)).toEqual(before);
    });

    const damage: Array<[string, (cache: Buffer) => Buffer]> = [
      ['random bytes', () => randomBytes(4096)],
      ['empty', () => Buffer.alloc(0)],
      ['only its magic', () => Buffer.from('MRGN-IDX')],
      ['truncated in its header', (cache) => cache.subarray(0, 40)],
      ['truncated in half', (cache) => cache.subarray(0, Math.floor(cache.length / 2))],
      ['cut short at the end', (cache) => cache.subarray(0, cache.length - 7)],
      [
        'damaged in its search part',
        (cache) => {
          const copy = Buffer.from(cache);
          for (let i = copy.length - 40; i < copy.length - 20; i++) copy[i] = copy[i]! ^ 0xff;
          return copy;
        },
      ],
      [
        'with a header that is not JSON',
        (cache) => {
          const copy = Buffer.from(cache);
          copy.write('}}}}', 12, 'latin1');
          return copy;
        },
      ],
      [
        'from another format of the index',
        (cache) => {
          const length = cache.readUInt32LE(8);
          const header = JSON.parse(cache.subarray(12, 12 + length).toString('utf8'));
          const other = Buffer.from(JSON.stringify({ ...header, format: 999 }));
          const size = Buffer.alloc(4);
          size.writeUInt32LE(other.length);
          return Buffer.concat([cache.subarray(0, 8), size, other, cache.subarray(12 + length)]);
        },
      ],
    ];

    it.each(damage)('is ignored and rebuilt when %s, never crashing', async (_label, corrupt) => {
      const { thesis } = await populate();
      const before = await observe(thesis);
      await close();
      await writeFile(cachePath(), corrupt(await readFile(cachePath())));

      await start();
      expect(await status()).toEqual({ state: 'ready', done: 2, total: 2 });
      expect(await observe(thesis)).toEqual(before);
      // The rebuilt cache is sound again.
      await close();
      await start();
      expect(await status()).toEqual({ state: 'ready', done: 0, total: 0 });
      expect(await observe(thesis)).toEqual(before);
    });

    it('picks up, at the next start, claims changed on disk while the app was closed', async () => {
      const { seed, thesis, risk } = await populate();
      await close();
      const path = join(app.dataDir, 'articles', seed.id, 'annotations.json');
      const file = JSON.parse(await readFile(path, 'utf8'));
      expect(file.schemaVersion).toBe(4);
      const stamp = '2026-11-26T08:00:00.000Z';
      const orphan: Highlight = {
        ...risk,
        id: '3f0e6c9a-1b2c-4d3e-8f40-5a6b7c8d9e0f',
        selectors: {
          quote: { exact: 'Worte aus einer anderen Fassung', prefix: '', suffix: '' },
          position: { start: 5, end: 36 },
        },
        note: 'Okapi Notiz',
        createdAt: stamp,
        updatedAt: stamp,
      };
      // The thesis's note changes without changing the file's size; the risk is gone.
      const highlights: Highlight[] = file.highlights;
      expect(highlights.map((h) => h.id)).toEqual([thesis.id, risk.id]);
      const edited = { ...thesis, note: 'Kernthese: Bewertung unter Zug!!', updatedAt: stamp };
      expect(edited.note).toHaveLength(thesis.note.length);
      await writeFile(
        path,
        JSON.stringify({ ...file, highlights: [edited, orphan] }, null, 2) + '\n',
      );

      await start();
      expect(await status()).toEqual({ state: 'ready', done: 1, total: 1 });
      expect(await idsOf()).toEqual(expect.arrayContaining([thesis.id, orphan.id]));
      expect(await idsOf()).not.toContain(risk.id);
      expect(await idsOf({ orphaned: true })).toEqual([orphan.id]);
      expect(await searchIds('Zug')).toContain(`claim ${thesis.id}`);
      expect(await searchIds('Druck')).not.toContain(`claim ${thesis.id}`);
      expect(await searchIds('Zebrarisiko')).toEqual([]);
      expect(await searchIds('Okapi')).toEqual([`claim ${orphan.id}`]);
      // The link to the thesis is held by the other article, untouched.
      const [thesisRow] = (await page({ ids: [thesis.id] })).rows;
      expect(thesisRow).toMatchObject({ note: edited.note, supports: 1 });
    });

    it('lives in memory only for a library opened read-only, which stays byte-identical', async () => {
      const { thesis } = await populate();
      const before = await observe(thesis);
      await close();
      await rm(cachePath());
      const indexPath = join(app.dataDir, 'library.json');
      const libraryFile = JSON.parse(await readFile(indexPath, 'utf8'));
      await writeFile(indexPath, JSON.stringify({ ...libraryFile, schemaVersion: 99 }));
      const files = await snapshotFolder(app.dataDir);

      await start();
      expect(app.library.status().readOnlyReason).toContain('newer version of Margin');
      expect(await status()).toEqual({ state: 'ready', done: 2, total: 2 });
      expect(await observe(thesis)).toEqual(before);
      await close();
      const after = await snapshotFolder(app.dataDir);
      delete files['margin.lock'];
      delete after['margin.lock'];
      expect(after).toEqual(files);
    });
  });
});
