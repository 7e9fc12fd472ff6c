import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import type { EnsuredTags } from '../../../../../shared/domain/codebook';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import type {
  IndexStatus,
  SearchResult,
  SearchResults,
  Snippet,
} from '../../../../../shared/domain/search-result';
import { foldTermForms } from '../../../../../shared/search/fold-term';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { mainHarness } from '../../../test-support/main-harness';
import { createTestParserPool } from '../../../test-support/test-parser-pool';

const HEALTHINEERS =
  'Healthineers hebt die Prognose an\n\nDie Healthineers-Aktie legte um 2,5 Prozent zu. Der Medizintechnik-Konzern sieht Rückenwind im Geschäft mit Bildgebung; die Marge soll steigen.';

/** The words of a snippet, as ranges (compounds by their parts). */
const wordsOf = (text: string) =>
  [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));

/**
 * Checks that the snippet marks exactly the words `isHit` accepts: every mark is one whole
 * such word, and no such word is left unmarked.
 */
function expectMarksCover(snippet: Snippet, isHit: (word: string) => boolean): void {
  const expected = wordsOf(snippet.text).filter((w) => isHit(snippet.text.slice(w.start, w.end)));
  expect(expected.length, `a hit word in "${snippet.text}"`).toBeGreaterThan(0);
  expect(snippet.marks).toEqual(expected);
}
/** A word that matches the folded `term`, as the index files words (folded or dotless). */
const matches =
  (term: string, prefix = false) =>
  (word: string) =>
    foldTermForms(word).some((form) => (prefix ? form.startsWith(term) : form === term));

describe('search over the IPC path', () => {
  let clock: number;
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date(clock) });
  const { call } = app;

  async function search(query: string, limit = 20): Promise<SearchResult[]> {
    return valueOf<SearchResults>(await call('search:query', { query, limit })).results;
  }
  const articleResults = async (query: string) =>
    (await search(query)).filter(
      (r): r is Extract<SearchResult, { kind: 'article' }> => r.kind === 'article',
    );
  const claimResults = async (query: string) =>
    (await search(query)).filter(
      (r): r is Extract<SearchResult, { kind: 'claim' }> => r.kind === 'claim',
    );

  async function claim(
    article: Article,
    words: string,
    extra: Record<string, unknown> = {},
  ): Promise<Highlight> {
    clock += 60_000;
    const start = article.text.indexOf(words);
    expect(start, `"${words}" in the article`).toBeGreaterThanOrEqual(0);
    return valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: article.id,
        start,
        end: start + words.length,
        claimClass: 'evidence',
        ...extra,
      }),
    ).highlight;
  }

  let seed: Article;
  let healthineers: Article;

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    await app.start();
    seed = await app.importSeed();
    // A second article, stored and indexed as an import does (without the parser worker).
    healthineers = await app.addArticle(HEALTHINEERS, {
      language: 'de',
      given: { source: 'FAZ', publishedAt: '2026-10-15' },
    });
  });
  afterEach(() => app.cleanup());
  afterAll(() => parser.close());

  describe('articles', () => {
    // [query, the folded form a hit word must have or begin with]
    it.each([
      ['rueckgang', 'rueckgang'],
      ['Ruckgang', 'ruckgang'],
      ['rückgang', 'rueckgang'],
      ['RÜCKGANG', 'rueckgang'],
      ['Rückg', 'rueckg'],
    ])(
      'finds the seed for "%s", marking exactly the hit words and pointing at the first',
      async (query, term) => {
        const results = await articleResults(query);
        expect(results.map((r) => r.articleId)).toEqual([seed.id]);
        const [result] = results;
        expect(result).toMatchObject({
          articleTitle: seed.title,
          language: 'de',
          score: expect.any(Number),
        });
        // A hit offset into the article's text, on the word that matched.
        expect(result!.hit).not.toBeNull();
        expect(seed.text.slice(result!.hit!.start, result!.hit!.end)).toBe('Rückgang');
        expectMarksCover(result!.snippet, matches(term, true));
        expect(
          result!.snippet.marks.map((m) => result!.snippet.text.slice(m.start, m.end)),
        ).toContain('Rückgang');
      },
    );

    it('points the hit at the whole matched word: numbers with a decimal comma, compounds', async () => {
      const cases: Array<[string, string]> = [
        ['2,5', '2,5'],
        ['2.5', '2,5'],
        // As typed, the last word is a prefix, so the whole compound is what matched.
        ['Medizintechnik', 'Medizintechnik-Konzern'],
        ['medizintechnikkonzern', 'Medizintechnik-Konzern'],
        ['Konzern', 'Konzern'],
        ['Healthineers Aktie', 'Healthineers'],
      ];
      for (const [query, word] of cases) {
        const [result] = await articleResults(query);
        expect(result?.articleId, query).toBe(healthineers.id);
        const { start, end } = result!.hit!;
        expect(healthineers.text.slice(start, end), query).toBe(word);
        // The snippet marks the same stretch of text.
        const first = result!.snippet.marks[0]!;
        expect(result!.snippet.text.slice(first.start, first.end), query).toBe(word);
      }
    });

    it('finds an article by the tickers and company names detected in it', async () => {
      // Neither "Alphabet" nor "GOOGL" is in the text: both were detected from "Google".
      expect(seed.text).not.toMatch(/Alphabet|GOOGL/);
      const [byName] = await articleResults('Alphabet');
      expect(byName?.articleId).toBe(seed.id);
      // Nothing in the text to point at.
      expect(byName!.hit).toBeNull();
      const [byTicker] = await articleResults('GOOGL');
      expect(byTicker?.articleId).toBe(seed.id);
      // As typed, the last word is a prefix: "Google" begins with it.
      expect(seed.text.slice(byTicker!.hit!.start, byTicker!.hit!.end)).toBe('Google');
    });

    it('answers an empty or blank query with no results, and a malformed one with a refusal', async () => {
      for (const query of ['', '   ', '\n\t']) {
        const answer = valueOf<SearchResults>(await call('search:query', { query }));
        expect(answer.results).toEqual([]);
        expect(answer.index).toEqual<IndexStatus>({ state: 'ready', done: 0, total: 0 });
      }
      expect(await search('--- ...')).toEqual([]);
      expect(errorOf(await call('search:query', { query: 'x'.repeat(201) }))).toMatchObject({
        code: 'INVALID_INPUT',
      });
      expect(errorOf(await call('search:query', { query: 'a', limit: 0 }))).toMatchObject({
        code: 'INVALID_INPUT',
      });
    });

    it('respects the limit', async () => {
      expect(await search('die', 1)).toHaveLength(1);
      expect((await search('die', 20)).length).toBeGreaterThan(1);
    });
  });

  describe('claims', () => {
    let regulatorId: string;
    let found: Highlight;

    beforeEach(async () => {
      const { ids } = valueOf<EnsuredTags>(
        await call('codebook:ensure', { paths: ['Thema › Aufsichtsverfahren'] }),
      );
      regulatorId = ids[0]!;
      found = await claim(seed, 'spürbaren Rückgang', {
        claimClass: 'thesis',
        note: 'Kartellamt prüft die Exklusivität der Partnerschaft',
        paraphrase: 'Investors fear the partnership is fraying',
        tags: [regulatorId],
      });
    });

    it.each([
      ['its note', 'Kartellamt', 'note', 'kartellamt'],
      ['its paraphrase', 'fraying', 'paraphrase', 'fraying'],
      ['its tag', 'Aufsichtsverfahren', 'tags', 'aufsichtsverfahren'],
      ['the parent of its tag', 'Thema', 'tags', 'thema'],
      ['a prefix of its note', 'Kartell', 'note', 'kartell'],
    ])('finds a claim by %s, with a snippet of that field', async (_label, query, field, term) => {
      const results = await claimResults(query);
      expect(results.map((r) => r.id)).toEqual([found.id]);
      const [result] = results;
      expect(result).toMatchObject({
        kind: 'claim',
        articleId: seed.id,
        articleTitle: seed.title,
        claimClass: 'thesis',
        field,
      });
      expectMarksCover(result!.snippet, matches(term, true));
    });

    it('finds a claim by its quote, the quote taking precedence in the snippet', async () => {
      const [result] = await claimResults('spürbaren');
      expect(result).toMatchObject({ id: found.id, field: 'quote' });
      expect(result!.snippet.text).toBe('spürbaren Rückgang');
      expect(result!.snippet.marks).toEqual([{ start: 0, end: 9 }]);
    });

    it('follows edits, tag renames and deletes at once', async () => {
      clock += 60_000;
      valueOf(
        await call('highlights:update', {
          articleId: seed.id,
          id: found.id,
          note: 'Bundesnetzagentur statt Kartellamt? Nein: Monopolkommission',
        }),
      );
      expect((await claimResults('Monopolkommission')).map((r) => r.id)).toEqual([found.id]);
      expect(await claimResults('Exklusivität')).toEqual([]);

      valueOf(await call('codebook:rename', { id: regulatorId, name: 'Wettbewerbsaufsicht' }));
      expect((await claimResults('Wettbewerbsaufsicht')).map((r) => r.id)).toEqual([found.id]);
      expect(await claimResults('Aufsichtsverfahren')).toEqual([]);

      valueOf(await call('highlights:delete', { articleId: seed.id, id: found.id }));
      expect(await claimResults('Monopolkommission')).toEqual([]);
      expect(await claimResults('Wettbewerbsaufsicht')).toEqual([]);
      // The article itself is still found by its words.
      expect((await articleResults('spürbaren')).map((r) => r.articleId)).toEqual([seed.id]);
    });

    const retitle = (article: Article, title: string) =>
      call('articles:updateMetadata', {
        id: article.id,
        title,
        source: article.source,
        author: article.author,
        publishedAt: article.publishedAt,
        url: article.url,
        language: article.language,
        tickers: article.tickers,
      });

    it('does not let claims found only by their article title crowd out other hits', async () => {
      // Claims of an article titled "Zebrakurs…" match that word only through the title;
      // another article names it once in a long text and ranks below them.
      valueOf(await retitle(healthineers, 'Zebrakurs bei Siemens Healthineers'));
      for (const words of ['Healthineers-Aktie', 'legte', 'Prozent', 'Medizintechnik-Konzern']) {
        await claim(healthineers, words);
      }
      const filler = 'Die Märkte bewegten sich kaum, die Umsätze blieben dünn. '.repeat(600);
      const built = await app.addArticle(
        `Wochenausblick\n\n${filler}Ein Händler sprach vom Zebrakurs.`,
        { language: 'de' },
      );

      const results = await search('Zebrakurs', 2);
      expect(results.filter((r) => r.kind === 'claim')).toEqual([]);
      expect(results.map((r) => (r.kind === 'article' ? r.articleId : r.id)).sort()).toEqual(
        [healthineers.id, built.id].sort(),
      );
    });

    it('finds an article by its new title even when a claim change overtook the title change', async () => {
      await app.library.articles.updateMetadata({
        id: healthineers.id,
        title: 'Zebrakurs bei Siemens Healthineers',
        source: healthineers.source,
        author: healthineers.author,
        publishedAt: healthineers.publishedAt,
        url: healthineers.url,
        language: healthineers.language,
        tickers: healthineers.tickers,
      });
      // Both announced at once: the second overtakes the first, which is then not applied.
      const titleChanged = app.index.articleChanged(healthineers.id);
      const claimsChanged = app.index.claimsChanged(healthineers.id);
      await Promise.all([titleChanged, claimsChanged]);
      const found = await articleResults('Zebrakurs');
      expect(found.map((r) => [r.articleId, r.articleTitle])).toEqual([
        [healthineers.id, 'Zebrakurs bei Siemens Healthineers'],
      ]);
    });

    it('ranks claims and articles together for words in both', async () => {
      const evidence = await claim(healthineers, 'legte um 2,5 Prozent zu', {
        note: 'Kartellamt hat keine Einwände',
      });
      const results = await search('Kartellamt');
      expect(results.map((r) => (r.kind === 'claim' ? r.id : r.articleId)).sort()).toEqual(
        [found.id, evidence.id].sort(),
      );
      const both = await search('Prozent');
      expect(both.some((r) => r.kind === 'article' && r.articleId === healthineers.id)).toBe(true);
      expect(both.some((r) => r.kind === 'claim' && r.id === evidence.id)).toBe(true);
    });
  });
});
