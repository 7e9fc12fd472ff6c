import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimPage } from '../../../../../shared/claims/claim-page';
import type { Article, ArticleSummary } from '../../../../../shared/domain/article';
import type { WatchlistEntry } from '../../../../../shared/domain/company';
import type { AnchoredHighlight } from '../../../../../shared/domain/highlight';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../../../shared/memo/logged-fields';
import type { IndexStatus } from '../../../../../shared/domain/search-result';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { mainHarness } from '../../../test-support/main-harness';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { companyDetector } from '../../companies/company-detector';

const HEALTHINEERS =
  'Healthineers hebt die Prognose an\n\nDie Healthineers-Aktie legte um 2,5 Prozent zu. Der Medizintechnik-Konzern sieht Rückenwind im Geschäft mit Bildgebung.';
const CONFERENCE =
  'Notizen von der Medizintechnik-Konferenz\n\nAuf dem Podium sprach auch der Finanzchef von Healthineers über Preisdruck in China.';

const SHL: WatchlistEntry = {
  name: 'Siemens Healthineers',
  ticker: 'SHL.DE',
  aliases: ['Healthineers'],
};

describe('settings over the IPC path: the watchlist', () => {
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date('2026-11-25T09:00:00.000Z') });
  const { call } = app;

  /**
   * The library's own files, byte for byte: library.json and the article folders. The
   * derived index cache is left out: a timer may be writing it at any moment.
   */
  async function dataSnapshot(): Promise<Record<string, string>> {
    const articles = await snapshotFolder(join(app.dataDir, 'articles'));
    const index = await readFile(join(app.dataDir, 'library.json'));
    return { ...articles, 'library.json': index.toString('base64') };
  }

  const summary = async (id: string) =>
    valueOf<ArticleSummary[]>(await call('articles:list')).find((a) => a.id === id)!;
  const claimsWithTicker = async (ticker: string) =>
    valueOf<ClaimPage>(
      await call('claims:query', {
        filter: { tickers: [ticker] },
        sort: 'created-asc',
        groupBy: 'none',
        offset: 0,
        limit: 50,
      }),
    ).rows.map((r) => r.id);

  let news: Article;
  let notes: Article;

  beforeEach(async () => {
    await app.start();
    news = await app.addArticle(HEALTHINEERS, { language: 'de' });
    notes = await app.addArticle(CONFERENCE, { language: 'de' });
  });
  afterEach(() => app.cleanup());
  afterAll(() => parser.close());

  it('starts empty', async () => {
    expect(valueOf(await call('settings:watchlist'))).toEqual([]);
  });

  it('finds a new watchlist company in articles already imported, filling their tickers unless the analyst set them', async () => {
    // The analyst set the conference notes' tickers by hand.
    valueOf(
      await call('articles:updateMetadata', {
        id: notes.id,
        title: notes.title,
        source: null,
        author: null,
        publishedAt: null,
        url: null,
        language: 'de',
        tickers: ['SIEGY'],
      }),
    );
    const at = notes.text.indexOf('Preisdruck in China');
    const { highlight } = valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: news.id,
        start: news.text.indexOf('legte um'),
        end: news.text.indexOf('legte um') + 8,
        claimClass: 'evidence',
      }),
    );
    const risk = valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: notes.id,
        start: at,
        end: at + 'Preisdruck in China'.length,
        claimClass: 'risk',
      }),
    ).highlight;
    expect(news.tickers).not.toContain('SHL.DE');
    expect(await claimsWithTicker('SHL.DE')).toEqual([]);

    const saved = valueOf<WatchlistEntry[]>(
      await call('settings:saveWatchlist', [
        { name: ' Siemens Healthineers ', ticker: 'shl.de', aliases: ['Healthineers'] },
      ]),
    );
    expect(saved).toEqual([SHL]);
    expect(valueOf(await call('settings:watchlist'))).toEqual([SHL]);
    await app.index.whenBuilt();

    const stamp = companyDetector([SHL]).stamp;
    const found = expect.objectContaining({
      name: 'Siemens Healthineers',
      ticker: 'SHL.DE',
      kind: 'watchlist',
    });
    expect(await summary(news.id)).toMatchObject({
      tickers: ['SHL.DE'],
      tickersByAnalyst: false,
      companiesStamp: stamp,
    });
    expect((await summary(news.id)).companies).toContainEqual(found);
    // The analyst's tickers stay; the companies found are still updated.
    expect(await summary(notes.id)).toMatchObject({
      tickers: ['SIEGY'],
      tickersByAnalyst: true,
      companiesStamp: stamp,
    });
    expect((await summary(notes.id)).companies).toContainEqual(found);
    // The claims board follows the new tickers.
    expect(await claimsWithTicker('shl.de')).toEqual([highlight.id]);
    expect(await claimsWithTicker('SIEGY')).toEqual([risk.id]);
    expect(valueOf<IndexStatus>(await call('search:status'))).toMatchObject({ state: 'ready' });

    // Stored in library.json, and nothing is detected again after a restart.
    const onDisk = JSON.parse(await readFile(join(app.dataDir, 'library.json'), 'utf8'));
    expect(onDisk.settings).toEqual({
      watchlist: [SHL],
      recommendationScale: DEFAULT_RECOMMENDATION_SCALE,
      suggestions: { lexicons: {}, cueStats: [] },
    });
    await app.restart();
    expect(valueOf(await call('settings:watchlist'))).toEqual([SHL]);
    expect(valueOf<IndexStatus>(await call('search:status'))).toEqual({
      state: 'ready',
      done: 0,
      total: 0,
    });
    expect((await summary(news.id)).tickers).toEqual(['SHL.DE']);

    // Emptied again, detection falls back to the bundled list.
    valueOf(await call('settings:saveWatchlist', []));
    await app.index.whenBuilt();
    expect(await summary(news.id)).toMatchObject({
      tickers: ['SHL'],
      companiesStamp: companyDetector([]).stamp,
    });
    expect(await summary(notes.id)).toMatchObject({ tickers: ['SIEGY'] });
    expect(await claimsWithTicker('SHL.DE')).toEqual([]);
  });

  describe('refusals, which leave the data folder as it was', () => {
    const malformed: Array<[string, unknown]> = [
      ['an empty name', [{ ...SHL, name: '' }]],
      ['a name of spaces only', [{ ...SHL, name: '   ' }]],
      ['a 33-character ticker', [{ ...SHL, ticker: 'X'.repeat(33) }]],
      ['an empty ticker', [{ ...SHL, ticker: '' }]],
      ['a one-letter alias', [{ ...SHL, aliases: ['H'] }]],
      ['21 aliases', [{ ...SHL, aliases: Array.from({ length: 21 }, (_, i) => `Alias ${i}`) }]],
      ['no aliases', [{ name: SHL.name, ticker: SHL.ticker }]],
      ['501 entries', Array.from({ length: 501 }, (_, i) => ({ ...SHL, ticker: `T${i}` }))],
      ['an entry instead of a list', SHL],
      ['nothing', undefined],
    ];

    it.each(malformed)('refuses a watchlist with %s as INVALID_INPUT', async (_label, payload) => {
      valueOf(await call('settings:saveWatchlist', [SHL]));
      await app.index.whenBuilt();
      const before = await dataSnapshot();
      const error = errorOf(await call('settings:saveWatchlist', payload));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(
        /^Margin refused a malformed request \(settings:saveWatchlist\)/,
      );
      expect(await dataSnapshot()).toEqual(before);
      expect(valueOf(await call('settings:watchlist'))).toEqual([SHL]);
    });

    it('accepts a ticker of exactly 32 characters', async () => {
      const long = { ...SHL, ticker: 'X'.repeat(32) };
      expect(valueOf(await call('settings:saveWatchlist', [long]))).toEqual([long]);
    });

    it('refuses two entries with the same ticker, in any case, saying which', async () => {
      const before = await dataSnapshot();
      const error = errorOf(
        await call('settings:saveWatchlist', [
          SHL,
          { name: 'Healthineers AG', ticker: ' shl.de ', aliases: [] },
        ]),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain('SHL.DE');
      expect(error.message).toContain('more than once');
      expect(error.message).toContain('"Siemens Healthineers"');
      expect(error.message).toContain('"Healthineers AG"');
      expect(await dataSnapshot()).toEqual(before);
      expect(valueOf(await call('settings:watchlist'))).toEqual([]);
      expect((await summary(news.id)).companiesStamp).toBe(companyDetector([]).stamp);
    });
  });
});
