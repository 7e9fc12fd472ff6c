import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimPage } from '../../../../../shared/claims/claim-page';
import type { ClaimFilter } from '../../../../../shared/claims/claim-query';
import type { ClaimRow } from '../../../../../shared/claims/claim-row';
import type { Article, ArticleSummary } from '../../../../../shared/domain/article';
import type { ClaimLink } from '../../../../../shared/domain/claim-relation';
import type { ClaimRelations } from '../../../../../shared/domain/claim-relations';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { mainHarness } from '../../../test-support/main-harness';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { spanOf } from '../../../test-support/span-of';

const seedsDir = join(import.meta.dirname, '../../../../../seeds');
const seedText = await readFile(join(seedsDir, 'microsoft-openai-de.txt'), 'utf8');

const HEALTHINEERS =
  'Healthineers hebt die Prognose an\n\nDie Healthineers-Aktie legte um 2,5 Prozent zu. Der Medizintechnik-Konzern sieht Rückenwind im Geschäft mit Bildgebung; die Marge soll steigen.';
const NVIDIA =
  'Nvidia reports record data-center revenue\n\nMargins expanded as demand for accelerators outpaced supply. The regulator is reviewing export rules, which could cut sales to China.';

const ref = (h: Highlight) => ({ articleId: h.articleId, id: h.id });

describe('the claims board and links between claims over the IPC path', () => {
  let clock: number;
  const tick = () => (clock += 60_000);
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date(clock) });
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

  async function claim(
    article: Article,
    words: string,
    claimClass: Highlight['claimClass'],
    extra: Record<string, unknown> = {},
  ): Promise<Highlight> {
    tick();
    const created = valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: article.id,
        ...spanOf(article.text, words),
        claimClass,
        ...extra,
      }),
    );
    return created.highlight;
  }

  async function page(filter: ClaimFilter = {}): Promise<ClaimPage> {
    return valueOf<ClaimPage>(
      await call('claims:query', {
        filter,
        sort: 'created-asc',
        groupBy: 'none',
        offset: 0,
        limit: 500,
      }),
    );
  }
  const idsOf = async (filter: ClaimFilter = {}) => (await page(filter)).rows.map((r) => r.id);
  async function rowOf(h: Highlight): Promise<ClaimRow> {
    const [row] = (await page({ ids: [h.id] })).rows;
    expect(row, `row of ${h.selectors.quote.exact}`).toBeDefined();
    return row!;
  }
  const counts = async (h: Highlight) => {
    const { supports, contradicts, relatedTo } = await rowOf(h);
    return { supports, contradicts, relatedTo };
  };
  const relations = async (h: Highlight) =>
    valueOf<ClaimRelations>(await call('claims:relations', ref(h)));
  const onDisk = async (articleId: string): Promise<Highlight[]> =>
    JSON.parse(await readFile(join(app.dataDir, 'articles', articleId, 'annotations.json'), 'utf8'))
      .highlights;
  const linksOnDisk = async (h: Highlight): Promise<ClaimLink[]> =>
    (await onDisk(h.articleId)).find((x) => x.id === h.id)!.links;

  let seed: Article;
  let healthineers: Article;
  let nvidia: Article;

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    await app.start();
    seed = await app.addArticle(seedText, {
      language: 'de',
      given: { publishedAt: '2026-11-03', source: 'Handelsblatt' },
    });
    healthineers = await app.addArticle(HEALTHINEERS, {
      language: 'de',
      given: { publishedAt: '2026-10-15', source: 'FAZ' },
    });
    nvidia = await app.addArticle(NVIDIA, {
      language: 'en',
      given: { publishedAt: '2026-09-01', source: 'Reuters' },
    });
  });
  afterEach(() => app.cleanup());
  afterAll(() => parser.close());

  it('gives each imported article the tickers the board filters on', () => {
    expect(seed.tickers).toEqual(expect.arrayContaining(['MSFT', 'GOOGL', 'AMZN', 'META']));
    expect(healthineers.tickers).toEqual(['SHL']);
    expect(nvidia.tickers).toEqual(['NVDA']);
  });

  describe('claims:query', () => {
    it('filters by class, ticker and publication date, and follows edits and deletes', async () => {
      const seedThesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const seedRisk = await claim(seed, 'erste Risse', 'risk');
      const shlThesis = await claim(healthineers, 'die Marge soll steigen', 'thesis');
      const shlEvidence = await claim(healthineers, 'legte um 2,5 Prozent zu', 'evidence');
      const nvdaRisk = await claim(nvidia, 'could cut sales to China', 'risk');
      const nvdaEvidence = await claim(nvidia, 'Margins expanded', 'evidence');

      expect(await idsOf()).toEqual(
        [seedThesis, seedRisk, shlThesis, shlEvidence, nvdaRisk, nvdaEvidence].map((h) => h.id),
      );
      // Tickers compare case-insensitively; the seed (MSFT) is published after the range.
      const riskAndEvidence: ClaimFilter = {
        classes: ['risk', 'evidence'],
        tickers: ['msft', 'NVDA'],
        published: { from: '2026-09-01', to: '2026-11-02' },
      };
      expect(await idsOf(riskAndEvidence)).toEqual([nvdaRisk.id, nvdaEvidence.id]);
      expect(await idsOf({ classes: ['thesis'], published: { from: '2026-10-01' } })).toEqual([
        seedThesis.id,
        shlThesis.id,
      ]);
      expect(await idsOf({ tickers: ['SHL'] })).toEqual([shlThesis.id, shlEvidence.id]);
      expect(await idsOf({ tickers: ['GOOGL'], classes: ['risk'] })).toEqual([seedRisk.id]);
      const page1 = await page(riskAndEvidence);
      expect(page1.rows[0]).toMatchObject({
        articleId: nvidia.id,
        articleTitle: 'Nvidia reports record data-center revenue',
        source: 'Reuters',
        publishedAt: '2026-09-01',
        tickers: ['NVDA'],
        language: 'en',
        claimClass: 'risk',
        quote: 'could cut sales to China',
        orphaned: false,
      });

      // A re-class shows in the next query…
      tick();
      valueOf(await call('highlights:update', { ...ref(nvdaRisk), claimClass: 'thesis' }));
      expect(await idsOf(riskAndEvidence)).toEqual([nvdaEvidence.id]);
      expect(await idsOf({ classes: ['thesis'], tickers: ['nvda'] })).toEqual([nvdaRisk.id]);
      // …and so does a delete…
      valueOf(await call('highlights:delete', ref(nvdaEvidence)));
      expect(await idsOf(riskAndEvidence)).toEqual([]);
      expect((await page()).claimCount).toBe(5);
      // …and a changed publication date of the article.
      const seedDetails = valueOf<ArticleSummary>(
        await call('articles:updateMetadata', {
          id: seed.id,
          title: seed.title,
          source: seed.source,
          author: seed.author,
          publishedAt: '2026-10-20',
          url: seed.url,
          language: seed.language,
          tickers: seed.tickers,
        }),
      );
      // The tickers did not change, so they are still detection's.
      expect(seedDetails.tickersByAnalyst).toBe(false);
      expect(await idsOf({ classes: ['risk'], published: { to: '2026-10-31' } })).toEqual([
        seedRisk.id,
      ]);
      expect((await rowOf(seedRisk)).publishedAt).toBe('2026-10-20');
    });

    it('flags a claim whose words are no longer in the article as orphaned', async () => {
      const kept = await claim(seed, 'spürbaren Rückgang', 'thesis');
      // A claim made on words that are not in this text (as from another version of it),
      // written straight into the article's annotations file.
      const stamp = '2026-11-24T10:00:00.000Z';
      const orphan: Highlight = {
        id: randomUUID(),
        articleId: seed.id,
        selectors: {
          quote: {
            exact: 'Der Vorstand bestätigt die Prognose',
            prefix: 'Im dritten Quartal. ',
            suffix: ' und erhöht die Dividende',
          },
          position: { start: 40, end: 75 },
        },
        page: null,
        claimClass: 'risk',
        tags: [],
        note: '',
        paraphrase: '',
        links: [],
        createdAt: stamp,
        updatedAt: stamp,
      };
      await app.library.annotations.saveHighlight(orphan);
      // The next change of that article makes the index read its file again.
      const later = await claim(seed, 'erste Risse', 'evidence');

      expect(await idsOf({ orphaned: true })).toEqual([orphan.id]);
      expect(await idsOf({ orphaned: false })).toEqual([kept.id, later.id]);
      expect(await rowOf(orphan)).toMatchObject({
        orphaned: true,
        quote: 'Der Vorstand bestätigt die Prognose',
        claimClass: 'risk',
      });

      // Re-attached to words of the text, it is no longer an orphan.
      tick();
      valueOf(
        await call('highlights:reattach', {
          ...ref(orphan),
          ...spanOf(seed.text, 'Risse'),
        }),
      );
      expect(await idsOf({ orphaned: true })).toEqual([]);
    });
  });

  describe('links between claims', () => {
    it('links evidence and risk to a thesis, seen from both ends and counted on the rows', async () => {
      const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const evidence = await claim(healthineers, 'legte um 2,5 Prozent zu', 'evidence');
      const risk = await claim(nvidia, 'could cut sales to China', 'risk');

      tick();
      const supports = valueOf<ClaimLink>(
        await call('relations:create', { from: ref(evidence), to: ref(thesis), kind: 'supports' }),
      );
      expect(supports).toEqual({
        id: expect.any(String),
        to: ref(thesis),
        kind: 'supports',
        createdAt: new Date(clock).toISOString(),
      });
      tick();
      const contradicts = valueOf<ClaimLink>(
        await call('relations:create', { from: ref(risk), to: ref(thesis), kind: 'contradicts' }),
      );
      // Stored on the claim it starts from, durably before the reply.
      expect(await linksOnDisk(evidence)).toEqual([supports]);
      expect(await linksOnDisk(risk)).toEqual([contradicts]);
      expect(await linksOnDisk(thesis)).toEqual([]);

      const thesisRow = await rowOf(thesis);
      const evidenceRow = await rowOf(evidence);
      const riskRow = await rowOf(risk);
      expect(await relations(thesis)).toEqual({
        to: [],
        // Newest first.
        from: [
          {
            linkId: contradicts.id,
            kind: 'contradicts',
            createdAt: contradicts.createdAt,
            claim: riskRow,
          },
          {
            linkId: supports.id,
            kind: 'supports',
            createdAt: supports.createdAt,
            claim: evidenceRow,
          },
        ],
      });
      expect(await relations(evidence)).toEqual({
        to: [
          {
            linkId: supports.id,
            kind: 'supports',
            createdAt: supports.createdAt,
            claim: thesisRow,
          },
        ],
        from: [],
      });
      expect(await counts(thesis)).toEqual({ supports: 1, contradicts: 1, relatedTo: 0 });
      expect(await counts(evidence)).toEqual({ supports: 0, contradicts: 0, relatedTo: 1 });
      expect(await counts(risk)).toEqual({ supports: 0, contradicts: 0, relatedTo: 1 });

      // Changing the kind keeps the link (its id and date) and moves the count.
      tick();
      const changed = valueOf<ClaimLink>(
        await call('relations:create', {
          from: ref(evidence),
          to: ref(thesis),
          kind: 'contradicts',
        }),
      );
      expect(changed).toEqual({ ...supports, kind: 'contradicts' });
      expect(await linksOnDisk(evidence)).toEqual([changed]);
      expect(await counts(thesis)).toEqual({ supports: 0, contradicts: 2, relatedTo: 0 });

      // Deleting a link returns it (for undo) and takes it out everywhere.
      const removed = valueOf<ClaimLink>(
        await call('relations:delete', { from: ref(evidence), id: supports.id }),
      );
      expect(removed).toEqual(changed);
      expect(await linksOnDisk(evidence)).toEqual([]);
      expect(await counts(thesis)).toEqual({ supports: 0, contradicts: 1, relatedTo: 0 });
      expect(await counts(evidence)).toEqual({ supports: 0, contradicts: 0, relatedTo: 0 });
      expect((await relations(evidence)).to).toEqual([]);
      expect((await relations(thesis)).from.map((r) => r.linkId)).toEqual([contradicts.id]);
      expect(
        errorOf(await call('relations:delete', { from: ref(evidence), id: supports.id })),
      ).toEqual({ code: 'NOT_FOUND', message: 'This link between claims is already gone.' });

      // The remaining link survives a restart: it lives in the annotations file.
      await app.restart();
      expect(await counts(thesis)).toEqual({ supports: 0, contradicts: 1, relatedTo: 0 });
      const afterRestart = await relations(thesis);
      expect(afterRestart.from).toEqual([
        {
          linkId: contradicts.id,
          kind: 'contradicts',
          createdAt: contradicts.createdAt,
          claim: await rowOf(risk),
        },
      ]);
      expect((await relations(risk)).to.map((r) => r.claim.id)).toEqual([thesis.id]);
    });

    it('refuses links that do not go from evidence or risk to a thesis, changing nothing', async () => {
      const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const otherThesis = await claim(healthineers, 'die Marge soll steigen', 'thesis');
      const evidence = await claim(healthineers, 'legte um 2,5 Prozent zu', 'evidence');
      const risk = await claim(nvidia, 'could cut sales to China', 'risk');
      valueOf(
        await call('relations:create', { from: ref(evidence), to: ref(thesis), kind: 'supports' }),
      );
      const before = await dataSnapshot();

      const refusals: Array<[string, unknown, string]> = [
        ['to a risk', { from: ref(evidence), to: ref(risk), kind: 'supports' }, 'INVALID_INPUT'],
        ['to evidence', { from: ref(risk), to: ref(evidence), kind: 'supports' }, 'INVALID_INPUT'],
        [
          'from a thesis',
          { from: ref(otherThesis), to: ref(thesis), kind: 'supports' },
          'INVALID_INPUT',
        ],
        ['to itself', { from: ref(thesis), to: ref(thesis), kind: 'supports' }, 'INVALID_INPUT'],
        ['twice', { from: ref(evidence), to: ref(thesis), kind: 'supports' }, 'CONFLICT'],
        [
          'of an unknown kind',
          { from: ref(risk), to: ref(thesis), kind: 'refutes' },
          'INVALID_INPUT',
        ],
        [
          'from a claim that is gone',
          { from: { articleId: nvidia.id, id: randomUUID() }, to: ref(thesis), kind: 'supports' },
          'NOT_FOUND',
        ],
        [
          'to a claim that is gone',
          { from: ref(risk), to: { articleId: seed.id, id: randomUUID() }, kind: 'supports' },
          'NOT_FOUND',
        ],
      ];
      for (const [label, payload, code] of refusals) {
        const error = errorOf(await call('relations:create', payload));
        expect(error.code, label).toBe(code);
        expect(error.message, label).not.toContain(app.dataDir);
      }
      expect(errorOf(await call('relations:create', refusals[0]![1])).message).toContain('thesis');
      expect(errorOf(await call('relations:create', refusals[2]![1])).message).toContain(
        'A thesis claim cannot support or contradict another thesis',
      );
      expect(errorOf(await call('relations:create', refusals[4]![1])).message).toBe(
        'This claim already supports that thesis.',
      );
      expect(await dataSnapshot()).toEqual(before);
      expect(await counts(thesis)).toEqual({ supports: 1, contradicts: 0, relatedTo: 0 });
      expect(
        errorOf(await call('claims:relations', { articleId: seed.id, id: randomUUID() })),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('takes the links of other claims along when a thesis is deleted, and restores them on undo', async () => {
      const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const untouchedThesis = await claim(healthineers, 'die Marge soll steigen', 'thesis');
      const sameArticleRisk = await claim(seed, 'erste Risse', 'risk');
      const evidence = await claim(healthineers, 'legte um 2,5 Prozent zu', 'evidence');
      const risk = await claim(nvidia, 'could cut sales to China', 'risk');
      const link = async (from: Highlight, to: Highlight, kind: 'supports' | 'contradicts') => {
        tick();
        return valueOf<ClaimLink>(
          await call('relations:create', { from: ref(from), to: ref(to), kind }),
        );
      };
      const evidenceLink = await link(evidence, thesis, 'supports');
      const evidenceOther = await link(evidence, untouchedThesis, 'supports');
      const riskLink = await link(risk, thesis, 'contradicts');
      const sameArticleLink = await link(sameArticleRisk, thesis, 'contradicts');
      expect(await counts(thesis)).toEqual({ supports: 1, contradicts: 2, relatedTo: 0 });

      tick();
      const deleted = valueOf<Highlight>(await call('highlights:delete', ref(thesis)));
      // The claims in other articles no longer point at it, on disk…
      expect(await linksOnDisk(evidence)).toEqual([evidenceOther]);
      expect(await linksOnDisk(risk)).toEqual([]);
      expect(await linksOnDisk(sameArticleRisk)).toEqual([]);
      // …nor on the board.
      expect(await idsOf({ ids: [thesis.id] })).toEqual([]);
      expect(await counts(evidence)).toEqual({ supports: 0, contradicts: 0, relatedTo: 1 });
      expect(await counts(risk)).toEqual({ supports: 0, contradicts: 0, relatedTo: 0 });
      expect((await relations(evidence)).to.map((r) => r.claim.id)).toEqual([untouchedThesis.id]);
      expect(await counts(untouchedThesis)).toEqual({ supports: 1, contradicts: 0, relatedTo: 0 });

      // Undo puts back the thesis and every link that pointed at it.
      tick();
      const restored = valueOf<AnchoredHighlight>(
        await call('highlights:restore', {
          articleId: seed.id,
          id: deleted.id,
          updatedAt: deleted.updatedAt,
        }),
      );
      expect(restored.highlight).toEqual(thesis);
      expect(await linksOnDisk(evidence)).toEqual(
        expect.arrayContaining([evidenceLink, evidenceOther]),
      );
      expect(await linksOnDisk(evidence)).toHaveLength(2);
      expect(await linksOnDisk(risk)).toEqual([riskLink]);
      expect(await linksOnDisk(sameArticleRisk)).toEqual([sameArticleLink]);
      expect(await counts(thesis)).toEqual({ supports: 1, contradicts: 2, relatedTo: 0 });
      expect(await counts(evidence)).toEqual({ supports: 0, contradicts: 0, relatedTo: 2 });
      expect((await relations(thesis)).from.map((r) => r.linkId).sort()).toEqual(
        [evidenceLink.id, riskLink.id, sameArticleLink.id].sort(),
      );

      // And all of it is what a fresh start reads.
      await app.restart();
      expect(await counts(thesis)).toEqual({ supports: 1, contradicts: 2, relatedTo: 0 });
    });

    it('drops the count on the thesis when the claim holding the link is deleted', async () => {
      const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const risk = await claim(nvidia, 'could cut sales to China', 'risk');
      valueOf(
        await call('relations:create', { from: ref(risk), to: ref(thesis), kind: 'contradicts' }),
      );
      expect(await counts(thesis)).toEqual({ supports: 0, contradicts: 1, relatedTo: 0 });
      valueOf(await call('highlights:delete', ref(risk)));
      expect(await counts(thesis)).toEqual({ supports: 0, contradicts: 0, relatedTo: 0 });
      expect((await relations(thesis)).from).toEqual([]);
    });
  });
});
