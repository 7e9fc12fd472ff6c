import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../../../../../shared/domain/article';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import type {
  AssembledSections,
  CitationSnapshot,
  CitationState,
  Memo,
  MemoBacklinks,
  MemoRevision,
  MemoRevisionSummary,
  MemoSaved,
  MemoSummary,
} from '../../../../../shared/domain/memo';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../../../shared/memo/logged-fields';
import type { MemoDoc, MemoNode } from '../../../../../shared/domain/memo-doc';
import { CLAIM_REFERENCE } from '../../../../../shared/memo/claim-reference';
import { citationParagraph } from '../../../../../shared/memo/memo-doc-ops';
import type { MemoSectionId } from '../../../../../shared/memo/memo-sections';
import { memoTemplateDoc } from '../../../../../shared/memo/memo-template';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { mainHarness } from '../../../test-support/main-harness';
import { spanOf } from '../../../test-support/span-of';
import { createTestParserPool } from '../../../test-support/test-parser-pool';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const ref = (h: Highlight) => ({ articleId: h.articleId, id: h.id });

/** The nodes of a section: from its heading to the next section heading. */
function section(doc: MemoDoc, id: MemoSectionId): MemoNode[] {
  const start = doc.content.findIndex((n) => n.attrs?.section === id);
  expect(start, `the ${id} section`).toBeGreaterThanOrEqual(0);
  const rest = doc.content.slice(start + 1);
  const end = rest.findIndex((n) => n.type === 'heading' && n.attrs?.section != null);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The highlight ids cited in some nodes, in document order. */
function citedIn(nodes: readonly MemoNode[]): string[] {
  return nodes.flatMap((n) =>
    n.type === CLAIM_REFERENCE ? [String(n.attrs?.highlightId)] : citedIn(n.content ?? []),
  );
}

/** The template with the given paragraphs in its Thesis section. */
function docWith(...paragraphs: MemoNode[]): MemoDoc {
  const doc = memoTemplateDoc();
  const at = doc.content.findIndex((n) => n.attrs?.section === 'thesis');
  return {
    ...doc,
    content: [...doc.content.slice(0, at + 1), ...paragraphs, ...doc.content.slice(at + 2)],
  };
}
const text = (words: string): MemoNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text: words }],
});

describe('memos over the IPC path', () => {
  let clock: number;
  const tick = (ms = MINUTE) => (clock += ms);
  const parser = createTestParserPool();
  const app = mainHarness({ parser, now: () => new Date(clock) });
  const { call } = app;

  const create = async (input: object = { ticker: 'MSFT', company: 'Microsoft' }) =>
    valueOf<Memo>(await call('memos:create', input));
  const get = async (id: string) => valueOf<Memo>(await call('memos:get', { id }));
  async function save(memo: Memo, doc: MemoDoc, title = memo.title): Promise<MemoSaved> {
    tick();
    return valueOf<MemoSaved>(
      await call('memos:save', { id: memo.id, baseVersion: memo.version, title, doc }),
    );
  }
  const memosFolder = () => snapshotFolder(join(app.dataDir, 'memos'));

  /** The seed article, with the publisher and date a citation shows. */
  async function seedArticle(): Promise<Article> {
    const seed = await app.importSeed();
    valueOf(
      await call('articles:updateMetadata', {
        id: seed.id,
        title: seed.title,
        source: 'Handelsblatt',
        author: seed.author,
        publishedAt: '2026-11-03',
        url: seed.url,
        language: seed.language,
        tickers: seed.tickers,
      }),
    );
    return valueOf<Article>(await call('articles:get', { id: seed.id }));
  }

  async function claim(
    article: Article,
    words: string,
    claimClass: Highlight['claimClass'],
  ): Promise<Highlight> {
    tick();
    const created = valueOf<AnchoredHighlight>(
      await call('highlights:create', {
        articleId: article.id,
        ...spanOf(article.text, words),
        claimClass,
      }),
    );
    return created.highlight;
  }

  /** "¶n": the paragraph of the seed holding `words` (its blocks are its paragraphs). */
  function paragraphOf(article: Article, words: string): string {
    const start = article.text.indexOf(words);
    const body = article.blocks.filter((b) => b.kind !== 'heading');
    return `¶${body.findIndex((b) => b.start <= start && start < b.end) + 1}`;
  }

  beforeEach(async () => {
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    await app.start();
  });
  afterEach(() => app.cleanup());
  afterAll(() => parser.close());

  describe('writing a memo', () => {
    it('creates a draft from the template, saves it, and reads it back the same after a restart', async () => {
      const memo = await create({ ticker: 'MSFT', company: 'Microsoft', author: 'A. Analyst' });
      expect(memo).toEqual({
        id: expect.any(String),
        title: 'MSFT investment memo',
        status: 'draft',
        header: {
          company: 'Microsoft',
          ticker: 'MSFT',
          recommendation: null,
          priceTarget: null,
          horizon: '',
          conviction: null,
          author: 'A. Analyst',
          date: '2026-11-25',
        },
        doc: memoTemplateDoc(),
        convictionLog: [],
        createdAt: '2026-11-25T09:00:00.000Z',
        updatedAt: '2026-11-25T09:00:00.000Z',
        version: 0,
      });
      expect((await create({})).title).toBe('Investment memo');
      expect((await create({ company: 'Siemens Healthineers' })).title).toBe(
        'Siemens Healthineers investment memo',
      );

      const doc = docWith(text('Azure carries the growth; OpenAI is the risk.'));
      const saved = await save(memo, doc, 'MSFT: the cloud case');
      expect(saved).toMatchObject({
        version: 1,
        updatedAt: new Date(clock).toISOString(),
        revision: null,
        summary: { title: 'MSFT: the cloud case', version: 1, company: 'Microsoft' },
      });
      const stored = await get(memo.id);
      expect(stored).toMatchObject({ title: 'MSFT: the cloud case', doc, version: 1 });

      await app.restart();
      expect(await get(memo.id)).toEqual(stored);
      const [first] = valueOf<MemoSummary[]>(await call('memos:list'));
      expect(first).toMatchObject({ id: memo.id, ticker: 'MSFT', version: 1, citations: 0 });
      expect(first!.words).toBeGreaterThan(20);
    });

    it('refuses a save from a stale version, saying the memo changed elsewhere', async () => {
      const memo = await create();
      await save(memo, docWith(text('The newer text.')));
      const refused = errorOf(
        await call('memos:save', {
          id: memo.id,
          baseVersion: 0,
          title: memo.title,
          doc: docWith(text('An older copy.')),
        }),
      );
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('changed in another window');
      expect(refused.message).toContain('Reload the memo');
      expect((await get(memo.id)).doc).toEqual(docWith(text('The newer text.')));
    });

    it('refuses a body the editor cannot hold, and writes nothing', async () => {
      const memo = await create();
      const before = await memosFolder();
      const link = (href: string): MemoNode => ({
        type: 'paragraph',
        content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] }],
      });
      const bodies: Array<[string, unknown, RegExp]> = [
        ['an unknown node', docWith({ type: 'iframe' } as unknown as MemoNode), /./],
        ['a javascript: link', docWith(link('javascript:alert(1)')), /http, https or mailto/],
        [
          'a list item outside a list',
          docWith({ type: 'listItem', content: [text('loose')] }),
          /does not recognise/,
        ],
        ['text straight in the doc', { type: 'doc', content: [{ type: 'text', text: 'x' }] }, /./],
      ];
      for (const [what, doc, message] of bodies) {
        const refused = errorOf(
          await call('memos:save', { id: memo.id, baseVersion: 0, title: 'T', doc }),
        );
        expect(refused.code, what).toBe('INVALID_INPUT');
        expect(refused.message, what).toMatch(message);
      }
      expect(await memosFolder()).toEqual(before);
      expect(await get(memo.id)).toEqual(memo);
    });

    it('sets the status and refuses an unknown memo', async () => {
      const memo = await create();
      const final = valueOf<Memo>(
        await call('memos:setStatus', { id: memo.id, baseVersion: 0, status: 'final' }),
      );
      expect(final).toMatchObject({ status: 'final', version: 1 });
      expect(errorOf(await call('memos:get', { id: randomUUID() })).code).toBe('NOT_FOUND');
      expect(
        errorOf(await call('memos:setStatus', { id: memo.id, baseVersion: 0, status: 'draft' }))
          .code,
      ).toBe('CONFLICT');
    });
  });

  describe('the header and its conviction log', () => {
    it('needs a reason for a new recommendation, price target or conviction, and logs it', async () => {
      const memo = await create();
      const seed = await seedArticle();
      const cause = await claim(seed, 'spürbaren Rückgang', 'risk');
      const header = {
        ...memo.header,
        recommendation: 'Buy',
        priceTarget: { amount: 520, currency: 'USD' },
        conviction: 'medium',
        horizon: '12 months',
      };
      const update = { id: memo.id, baseVersion: 0, title: 'MSFT: buy', header };
      const noReason = errorOf(await call('memos:updateHeader', update));
      expect(noReason.code).toBe('INVALID_INPUT');
      expect(noReason.message).toMatch(/^Give a one-line reason for changing the recommendation/);

      tick();
      const logged = valueOf<Memo>(
        await call('memos:updateHeader', {
          ...update,
          reason: 'Azure re-accelerates.',
          claimIds: [cause.id],
        }),
      );
      expect(logged).toMatchObject({ title: 'MSFT: buy', header, version: 1 });
      expect(logged.convictionLog).toEqual([
        {
          id: expect.any(String),
          at: new Date(clock).toISOString(),
          changes: [
            { field: 'recommendation', from: '', to: 'Buy' },
            { field: 'priceTarget', from: '', to: 'USD 520' },
            { field: 'conviction', from: '', to: 'medium' },
          ],
          reason: 'Azure re-accelerates.',
          claimIds: [cause.id],
        },
      ]);

      // The horizon alone is not logged and needs no reason.
      const horizon = valueOf<Memo>(
        await call('memos:updateHeader', {
          ...update,
          baseVersion: 1,
          header: { ...header, horizon: '18 months' },
        }),
      );
      expect(horizon.convictionLog).toHaveLength(1);

      const downgraded = valueOf<Memo>(
        await call('memos:updateHeader', {
          ...update,
          baseVersion: 2,
          header: { ...header, recommendation: 'hold', horizon: '18 months' },
          reason: 'OpenAI tensions.',
        }),
      );
      expect(downgraded.header.recommendation).toBe('Hold');
      expect(downgraded.convictionLog[1]).toMatchObject({
        changes: [{ field: 'recommendation', from: 'Buy', to: 'Hold' }],
        reason: 'OpenAI tensions.',
        claimIds: [],
      });

      await app.restart();
      expect(await get(memo.id)).toEqual({ ...downgraded, doc: memo.doc });
    });

    it("refuses a recommendation that is not on the analyst's scale, naming the scale", async () => {
      const memo = await create();
      expect(valueOf(await call('settings:recommendationScale'))).toEqual(
        DEFAULT_RECOMMENDATION_SCALE,
      );
      const update = (recommendation: string, baseVersion: number) =>
        call('memos:updateHeader', {
          id: memo.id,
          baseVersion,
          title: memo.title,
          header: { ...memo.header, recommendation },
          reason: 'Rating set.',
        });
      const refused = errorOf(await update('Strong buy', 0));
      expect(refused.code).toBe('INVALID_INPUT');
      expect(refused.message).toContain('Buy, Overweight, Hold, Underweight, Sell');

      const scale = ['Outperform', 'Neutral', 'Underperform'];
      expect(valueOf(await call('settings:saveRecommendationScale', scale))).toEqual(scale);
      const duplicate = await call('settings:saveRecommendationScale', ['Buy', 'buy']);
      expect(errorOf(duplicate).code).toBe('INVALID_INPUT');
      expect(errorOf(await update('Buy', 0)).message).toContain(
        'Outperform, Neutral, Underperform',
      );
      expect(valueOf<Memo>(await update('Outperform', 0)).header.recommendation).toBe('Outperform');

      await app.restart();
      expect(valueOf(await call('settings:recommendationScale'))).toEqual(scale);
    });
  });

  describe('revisions', () => {
    it('takes manual, hourly and close revisions, and keeps each copy', async () => {
      const memo = await create();
      const v1 = await save(memo, docWith(text('First draft.')));
      const manual = valueOf<MemoRevisionSummary>(
        await call('memos:snapshot', { id: memo.id, reason: 'manual', label: 'Before the call' }),
      );
      expect(manual).toMatchObject({ reason: 'manual', label: 'Before the call', version: 1 });
      // Manual always takes one; before a restore the newest is reused when it is current.
      const again = valueOf<MemoRevisionSummary>(
        await call('memos:snapshot', { id: memo.id, reason: 'manual' }),
      );
      expect(again.id).not.toBe(manual.id);
      const beforeRestore = valueOf<MemoRevisionSummary>(
        await call('memos:snapshot', { id: memo.id, reason: 'before-restore' }),
      );
      expect(beforeRestore).toEqual(again);

      tick(HOUR);
      const v2 = await save({ ...memo, version: v1.version }, docWith(text('After an hour.')));
      expect(v2.revision).toMatchObject({ reason: 'hourly', version: 2 });
      const v3 = await save({ ...memo, version: v2.version }, docWith(text('Minutes later.')));
      expect(v3.revision).toBeNull();

      const listed = valueOf<MemoRevisionSummary[]>(await call('memos:revisions', { id: memo.id }));
      expect(listed.map((r) => r.reason)).toEqual(['hourly', 'manual', 'manual']);
      expect(listed[0]).not.toHaveProperty('doc');
      const copy = valueOf<MemoRevision>(
        await call('memos:revision', { id: memo.id, revisionId: manual.id }),
      );
      expect(copy.doc).toEqual(docWith(text('First draft.')));

      await app.restart();
      const afterRestart = valueOf<MemoRevisionSummary[]>(
        await call('memos:revisions', { id: memo.id }),
      );
      expect(afterRestart[0]).toMatchObject({ reason: 'close', version: 3 });
      expect(afterRestart.slice(1)).toEqual(listed);
      const missing = await call('memos:revision', { id: memo.id, revisionId: randomUUID() });
      expect(errorOf(missing).code).toBe('NOT_FOUND');
    });
  });

  describe('citations', () => {
    it('snapshots a claim with its source, date and paragraph, and refuses one that is gone', async () => {
      const seed = await seedArticle();
      const words = 'Diese Konkurrenzdruck könnte Microsoft dazu zwingen';
      const risk = await claim(seed, words, 'risk');
      const snapshot = valueOf<CitationSnapshot>(
        await call('memos:citation', { highlightId: risk.id }),
      );
      expect(snapshot).toEqual({
        highlightId: risk.id,
        articleId: seed.id,
        quote: words,
        claimClass: 'risk',
        paraphrase: '',
        source: 'Handelsblatt',
        articleTitle: seed.title,
        publishedAt: '2026-11-03',
        locator: paragraphOf(seed, words),
      });
      expect(snapshot.locator).toBe('¶5');

      const gone = errorOf(await call('memos:citation', { highlightId: randomUUID() }));
      expect(gone.code).toBe('NOT_FOUND');
      expect(gone.message).toMatch(/^That claim no longer exists/);
    });

    it('tells which cited claims are still there, orphaned or deleted', async () => {
      const seed = await seedArticle();
      const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const evidence = await claim(seed, 'massiv in OpenAI investiert', 'evidence');
      const states = async (ids: string[]) =>
        valueOf<CitationState[]>(await call('memos:citationStates', { highlightIds: ids }));

      // An edit shows in the state: the citation shows the claim's current words.
      tick();
      valueOf(
        await call('highlights:update', {
          ...ref(thesis),
          claimClass: 'risk',
          paraphrase: 'Noticeable decline',
        }),
      );
      // A claim whose words left the article (stored so, as an older version would).
      const orphan: Highlight = {
        ...evidence,
        id: randomUUID(),
        selectors: {
          quote: { exact: 'qqxzj vvkwq zzqxj', prefix: '', suffix: '' },
          position: { start: 0, end: 17 },
        },
      };
      await app.library.annotations.saveHighlight(orphan);
      await app.index.claimsChanged(seed.id);
      const deletedId = randomUUID();

      expect(await states([thesis.id, orphan.id, deletedId])).toEqual([
        {
          highlightId: thesis.id,
          state: 'ok',
          quote: 'spürbaren Rückgang',
          claimClass: 'risk',
          paraphrase: 'Noticeable decline',
        },
        {
          highlightId: orphan.id,
          state: 'orphaned',
          quote: 'qqxzj vvkwq zzqxj',
          claimClass: 'evidence',
          paraphrase: '',
        },
        {
          highlightId: deletedId,
          state: 'deleted',
          quote: null,
          claimClass: null,
          paraphrase: null,
        },
      ]);

      valueOf(await call('highlights:delete', ref(thesis)));
      expect((await states([thesis.id]))[0]).toMatchObject({ state: 'deleted', quote: null });
    });

    it('adds a claim at the end of its section and lists the memos citing each claim', async () => {
      const seed = await seedArticle();
      const risk = await claim(seed, 'erste Risse', 'risk');
      const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const a = await create({ ticker: 'MSFT' });
      const b = await create({ ticker: 'MSFT', title: 'Second memo' });

      tick();
      const withRisk = valueOf<Memo>(
        await call('memos:addCitation', { id: a.id, highlightId: risk.id, section: 'risks' }),
      );
      expect(withRisk.version).toBe(1);
      expect(section(withRisk.doc, 'risks')).toEqual([
        citationParagraph(
          valueOf<CitationSnapshot>(await call('memos:citation', { highlightId: risk.id })),
        ),
      ]);
      expect(citedIn(section(withRisk.doc, 'thesis'))).toEqual([]);
      // The template is kept around it: the other sections are untouched.
      expect(section(withRisk.doc, 'evidence')).toEqual(section(memoTemplateDoc(), 'evidence'));

      tick();
      const bSaved = await save(
        b,
        docWith({
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Both: ' },
            ...(citationParagraph(
              valueOf<CitationSnapshot>(await call('memos:citation', { highlightId: risk.id })),
            ).content ?? []),
            ...(citationParagraph(
              valueOf<CitationSnapshot>(await call('memos:citation', { highlightId: thesis.id })),
            ).content ?? []),
          ],
        }),
      );
      expect(bSaved.version).toBe(1);
      const backlinks = async () =>
        valueOf<MemoBacklinks>(
          await call('memos:backlinks', { highlightIds: [risk.id, thesis.id, randomUUID()] }),
        );
      expect(await backlinks()).toEqual({
        [risk.id]: [
          { memoId: b.id, title: 'Second memo' },
          { memoId: a.id, title: a.title },
        ],
        [thesis.id]: [{ memoId: b.id, title: 'Second memo' }],
      });
      const list = valueOf<MemoSummary[]>(await call('memos:list'));
      expect(list.map((m) => [m.id, m.citations])).toEqual([
        [b.id, 2],
        [a.id, 1],
      ]);

      // The risk is taken out of memo A: its backlink goes, and stays gone after a restart.
      await save(withRisk, memoTemplateDoc());
      await app.restart();
      expect(await backlinks()).toEqual({
        [risk.id]: [{ memoId: b.id, title: 'Second memo' }],
        [thesis.id]: [{ memoId: b.id, title: 'Second memo' }],
      });

      const unknown = await call('memos:addCitation', {
        id: a.id,
        highlightId: randomUUID(),
        section: 'risks',
      });
      expect(errorOf(unknown).code).toBe('NOT_FOUND');
    });
  });

  describe('assembling from claims', () => {
    it("puts the ticker's theses first with their evidence under them, risks in Risks", async () => {
      const seed = await seedArticle();
      expect(seed.tickers).toContain('MSFT');
      const thesis = await claim(seed, 'spürbaren Rückgang', 'thesis');
      const linked = await claim(seed, 'massiv in OpenAI investiert', 'evidence');
      const risk = await claim(seed, 'erste Risse', 'risk');
      const loose = await claim(seed, 'Office 365 und Azure', 'evidence');
      tick();
      valueOf(
        await call('relations:create', { from: ref(linked), to: ref(thesis), kind: 'supports' }),
      );

      const assembled = valueOf<AssembledSections>(
        await call('memos:assemble', { ticker: 'MSFT' }),
      );
      expect(assembled.claims).toBe(4);
      expect(citedIn(assembled.thesis)).toEqual([thesis.id, linked.id]);
      expect(assembled.thesis[1]).toMatchObject({ type: 'bulletList' });
      expect(citedIn(assembled.risks)).toEqual([risk.id]);
      expect(citedIn(assembled.evidence)).toEqual([loose.id]);
      const [reference] = assembled.thesis[0]!.content!;
      expect(reference!.attrs).toMatchObject({
        source: 'Handelsblatt',
        publishedAt: '2026-11-03',
        locator: paragraphOf(seed, 'spürbaren Rückgang'),
      });

      const byArticle = valueOf<AssembledSections>(
        await call('memos:assemble', { articleIds: [seed.id] }),
      );
      expect(byArticle).toEqual(assembled);

      const none = errorOf(await call('memos:assemble', { ticker: 'ZZZZ' }));
      expect(none.code).toBe('NOT_FOUND');
      expect(none.message).toContain('No claims are tagged for ZZZZ');
    });
  });
});
