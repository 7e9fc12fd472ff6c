import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, ArticleOrigin } from '../../../../../shared/domain/article';
import type { EnsuredTags, MergedTags, Tag } from '../../../../../shared/domain/codebook';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import { describeTextRange } from '../../../../../shared/anchoring/describe-text-range';
import type { WorkbenchError } from '../../../../../shared/ipc/error-codes';
import { DocumentBuilder } from '../../../../../shared/text/document-builder';
import type { ChannelHandlers } from '../../../ipc/channel-handlers';
import { invokeChannel } from '../../../ipc/invoke-channel';
import { openLibrary, type Library } from '../../../storage/open-library';
import { chosenPathsDialogs } from '../../../test-support/chosen-paths-dialogs';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { buildArticle } from '../../articles/build-article';
import { createMainHandlers } from '../../create-main-handlers';
import { errorOf, valueOf } from '../../../test-support/envelope-of';
import { spanOf } from '../../../test-support/span-of';

const seedsDir = join(import.meta.dirname, '../../../../../seeds');
const logger = collectingLogger();

const PARAGRAPHS = [
  'Microsoft meldet ein Wachstum der Cloud-Sparte von 33 Prozent im dritten Quartal.',
  'Die Bafin prüft das Geschäft mit Rechenzentren; eine Auflage könnte die Marge drücken.',
  'Der Vorstand bestätigt die Prognose für das Geschäftsjahr und erhöht die Dividende.',
];

describe('highlights over the IPC path', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  let handlers: ChannelHandlers;
  let clock: number;
  const tick = () => (clock += 60_000);
  const parser = createTestParserPool();
  const call = (channel: string, payload?: unknown) =>
    invokeChannel(handlers, channel, payload, logger);
  const annotationsPath = (articleId: string) =>
    join(dataDir, 'articles', articleId, 'annotations.json');
  const onDisk = async (
    articleId: string,
  ): Promise<{ schemaVersion: number; highlights: Highlight[] }> =>
    JSON.parse(await readFile(annotationsPath(articleId), 'utf8'));

  /** Puts an article built from `paragraphs` (each one block, on `pages[i]` if given) into the library. */
  async function addArticle(
    paragraphs: readonly string[],
    { pages, origin }: { pages?: readonly number[]; origin?: ArticleOrigin } = {},
  ): Promise<Article> {
    const builder = new DocumentBuilder();
    paragraphs.forEach((text, i) => builder.paragraph([{ text }], { page: pages?.[i] }));
    const built = await buildArticle(
      {
        document: { ...builder.build(), metadata: { title: 'Testartikel', language: 'de' } },
        origin: origin ?? { kind: 'paste', format: 'text' },
      },
      new Date('2026-11-20T08:00:00Z'),
    );
    const { article, created } = await library.articles.insert(built);
    expect(created).toBe(true);
    return valueOf<Article>(await call('articles:get', { id: article.id }));
  }

  async function create(payload: Record<string, unknown>): Promise<AnchoredHighlight> {
    return valueOf<AnchoredHighlight>(
      await call('highlights:create', { claimClass: 'thesis', ...payload }),
    );
  }

  async function ensureTags(...paths: string[]): Promise<string[]> {
    return valueOf<EnsuredTags>(await call('codebook:ensure', { paths })).ids;
  }

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    library = await openLibrary(dataDir, { logger });
    clock = Date.parse('2026-11-25T09:00:00.000Z');
    handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs: chosenPathsDialogs(),
      now: () => new Date(clock),
    });
  });
  afterEach(async () => {
    await library.close();
    await cleanup();
  });
  afterAll(() => parser.close());

  describe('highlights:create', () => {
    it("stores the article's own words and context for the given span, durably", async () => {
      const article = await addArticle(PARAGRAPHS);
      const [regulatory] = await ensureTags('Risk › Regulatory');
      const span = spanOf(article.text, 'eine Auflage könnte die Marge drücken');
      const result = await create({
        articleId: article.id,
        ...span,
        claimClass: 'risk',
        tags: [regulatory, regulatory],
        note: 'Prüfen:\nAuflage vs. Marge',
        paraphrase: 'A condition could squeeze the margin.',
        // The page cannot name the words: these are not part of the contract and are dropped.
        quote: 'forged words',
        selectors: { quote: { exact: 'forged', prefix: '', suffix: '' } },
      });

      const { text } = article;
      expect(result.anchor).toEqual({ ...span, method: 'position' });
      expect(result.highlight).toEqual({
        id: expect.any(String),
        articleId: article.id,
        selectors: {
          quote: {
            exact: 'eine Auflage könnte die Marge drücken',
            prefix: text.slice(span.start - 32, span.start),
            suffix: text.slice(span.end, span.end + 32),
          },
          position: span,
        },
        page: null,
        claimClass: 'risk',
        tags: [regulatory],
        note: 'Prüfen:\nAuflage vs. Marge',
        paraphrase: 'A condition could squeeze the margin.',
        links: [],
        createdAt: '2026-11-25T09:00:00.000Z',
        updatedAt: '2026-11-25T09:00:00.000Z',
      });
      expect(result.highlight.selectors.quote.prefix).toHaveLength(32);
      expect(JSON.stringify(result.highlight)).not.toContain('forged');

      // Durable as soon as the call resolved: the file already holds it.
      expect(await onDisk(article.id)).toEqual({
        schemaVersion: 4,
        articleId: article.id,
        highlights: [result.highlight],
        dismissedSuggestions: [],
      });
    });

    it('keeps context short at the edges of the text', async () => {
      const article = await addArticle(PARAGRAPHS);
      const first = await create({ articleId: article.id, start: 0, end: 9 });
      expect(first.highlight.selectors.quote).toEqual({
        exact: 'Microsoft',
        prefix: '',
        suffix: article.text.slice(9, 41),
      });
      const end = article.text.length;
      const last = await create({ articleId: article.id, start: end - 10, end });
      expect(last.highlight.selectors.quote).toMatchObject({
        exact: 'Dividende.',
        suffix: '',
      });
    });

    it('sets the page from the block the quote starts in, for text from a PDF', async () => {
      const article = await addArticle(PARAGRAPHS, {
        pages: [1, 2, 4],
        origin: { kind: 'file', format: 'pdf', fileName: 'quartalsbericht.pdf' },
      });
      const onPage2 = await create({
        articleId: article.id,
        ...spanOf(article.text, 'Die Bafin prüft das Geschäft'),
      });
      expect(onPage2.highlight.page).toBe(2);

      // A quote running from page 2 onto page 4 is cited by the page it starts on.
      const across = await create({
        articleId: article.id,
        start: spanOf(article.text, 'Marge drücken.').start,
        end: spanOf(article.text, 'Der Vorstand').end,
      });
      expect(across.highlight.page).toBe(2);

      const onPage4 = await create({
        articleId: article.id,
        ...spanOf(article.text, 'erhöht die Dividende'),
      });
      expect(onPage4.highlight.page).toBe(4);
      expect((await onDisk(article.id)).highlights.map((h) => h.page)).toEqual([2, 2, 4]);
    });

    describe('refusals, which leave the data folder byte-identical', () => {
      const EMOJI_TEXT = 'Die Stimmung der Anleger 📉 kippt nach der Gewinnwarnung.';

      let article: Article;
      let long: Article;
      beforeEach(async () => {
        article = await addArticle([...PARAGRAPHS, EMOJI_TEXT]);
        long = await addArticle([
          Array.from({ length: 800 }, (_, i) => `Satz ${i} über Margen und Risiken.`).join(' '),
        ]);
        // Something worth protecting in the file.
        await create({ articleId: article.id, ...spanOf(article.text, 'Microsoft meldet') });
      });

      /** Calls highlights:create and checks the refusal changed nothing on disk. */
      async function refused(payload: unknown): Promise<WorkbenchError> {
        const before = await snapshotFolder(dataDir);
        const error = errorOf(await call('highlights:create', payload));
        expect(await snapshotFolder(dataDir)).toEqual(before);
        // Written for the analyst: no stack trace or data folder path.
        expect(error.message).not.toContain(dataDir);
        expect(error.message).not.toMatch(/\bat .*\.ts|RangeError|TypeError/);
        return error;
      }

      const at = (extra: Record<string, unknown>) => ({
        articleId: article.id,
        claimClass: 'risk',
        ...extra,
      });

      it('refuses a span ending beyond the text', async () => {
        const end = article.text.length + 1;
        expect(await refused(at({ start: end - 5, end }))).toEqual({
          code: 'INVALID_INPUT',
          message: 'The selection is outside the article text.',
        });
        expect(await refused(at({ start: 0, end: 10_000_000 }))).toMatchObject({
          code: 'INVALID_INPUT',
        });
      });

      it.each([
        ['empty', 12, 12],
        ['reversed', 20, 10],
      ])('refuses an %s span', async (_label, start, end) => {
        const error = await refused(at({ start, end }));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toContain('a highlight must cover at least one character');
      });

      it('refuses a span of whitespace only (the gap between two paragraphs)', async () => {
        const [first, second] = article.blocks;
        expect(article.text.slice(first!.end, second!.start)).toBe('\n\n');
        expect(await refused(at({ start: first!.end, end: second!.start }))).toEqual({
          code: 'INVALID_INPUT',
          message: 'The selection holds no words to highlight.',
        });
      });

      it('refuses a span that splits the two halves of an emoji', async () => {
        const emoji = article.text.indexOf('📉');
        expect(article.text.codePointAt(emoji)).toBe(0x1f4c9);
        for (const [start, end] of [
          [emoji + 1, emoji + 10], // starts inside it
          [emoji - 8, emoji + 1], // ends inside it
        ]) {
          expect(await refused(at({ start, end }))).toEqual({
            code: 'INVALID_INPUT',
            message: 'The selection splits a character.',
          });
        }
        // The whole emoji, and words right up to it, are fine.
        const whole = await create(at({ start: emoji - 8, end: emoji + 2 }));
        expect(whole.highlight.selectors.quote.exact).toBe('Anleger 📉');
      });

      it('refuses a span over 20,000 characters and accepts one of exactly 20,000', async () => {
        expect(long.text.length).toBeGreaterThan(20_001);
        const error = await refused({
          articleId: long.id,
          claimClass: 'evidence',
          start: 0,
          end: 20_001,
        });
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toContain('at most 20,000 characters');

        const longest = await create({ articleId: long.id, start: 0, end: 20_000 });
        expect(longest.highlight.selectors.quote.exact).toBe(long.text.slice(0, 20_000));
      });

      it('refuses a tag that is not in the codebook', async () => {
        const [known] = await ensureTags('Risk');
        const error = await refused(at({ start: 0, end: 9, tags: [known, randomUUID()] }));
        expect(error).toEqual({
          code: 'INVALID_INPUT',
          message: 'One of the tags is no longer in the codebook.',
        });
      });

      it('refuses an article that is not in the library', async () => {
        expect(await refused(at({ articleId: randomUUID(), start: 0, end: 9 }))).toEqual({
          code: 'NOT_FOUND',
          message: 'This article is no longer in the library.',
        });
      });

      const malformed: [string, (payload: Record<string, unknown>) => unknown][] = [
        ['a claim class outside thesis/risk/evidence', (p) => ({ ...p, claimClass: 'opinion' })],
        ['offsets given as strings', (p) => ({ ...p, start: '0', end: '9' })],
        ['a fractional offset', (p) => ({ ...p, end: 8.5 })],
        ['a negative offset', (p) => ({ ...p, start: -1 })],
        ['a path as article id', (p) => ({ ...p, articleId: '../../library.json' })],
        ['no article id', ({ articleId: _, ...p }) => p],
        ['tags as names instead of ids', (p) => ({ ...p, tags: ['Risk › Regulatory'] })],
        ['a tag list that is a string', (p) => ({ ...p, tags: 'Risk' })],
        ['more than 50 tags', (p) => ({ ...p, tags: Array.from({ length: 51 }, randomUUID) })],
        ['a note that is a number', (p) => ({ ...p, note: 42 })],
        ['a note over 20,000 characters', (p) => ({ ...p, note: 'x'.repeat(20_001) })],
        ['an array', (p) => [p]],
        ['null', () => null],
        ['nothing', () => undefined],
      ];

      it.each(malformed)('refuses a payload with %s as INVALID_INPUT', async (_label, make) => {
        const error = await refused(make(at({ start: 0, end: 9 })));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toMatch(/^Margin refused a malformed request \(highlights:create\)/);
      });
    });
  });

  describe('highlights:list', () => {
    const INTRO = 'Nachtrag der Redaktion: Die Zahlen wurden am Abend aktualisiert.';
    const GONE = 'Ein Sprecher der Aufsicht lehnte jeden Kommentar zu den Gesprächen ab.';

    it('anchors every highlight against the current text: in place, moved, or orphaned', async () => {
      // The highlights were made on an earlier version of the text: since then a
      // paragraph was added in front, and one sentence was taken out.
      const earlier = [PARAGRAPHS[0]!, `${PARAGRAPHS[1]} ${GONE}`, PARAGRAPHS[2]!].join('\n\n');
      const article = await addArticle([INTRO, ...PARAGRAPHS]);
      const stamp = '2026-11-24T10:00:00.000Z';
      const made = (words: string): Highlight => {
        const { start, end } = spanOf(earlier, words);
        return {
          id: randomUUID(),
          articleId: article.id,
          selectors: describeTextRange(earlier, start, end),
          page: null,
          claimClass: 'evidence',
          tags: [],
          note: '',
          paraphrase: '',
          links: [],
          createdAt: stamp,
          updatedAt: stamp,
        };
      };
      const moved = made('Wachstum der Cloud-Sparte von 33 Prozent');
      const orphan = made('lehnte jeden Kommentar zu den Gesprächen ab');
      for (const h of [moved, orphan]) await library.annotations.saveHighlight(h);
      const fresh = await create({
        articleId: article.id,
        ...spanOf(article.text, 'erhöht die Dividende'),
      });
      const fileBefore = await readFile(annotationsPath(article.id));

      const listed = valueOf<AnchoredHighlight[]>(
        await call('highlights:list', { articleId: article.id }),
      );

      expect(listed.map((a) => a.highlight)).toEqual([moved, orphan, fresh.highlight]);
      const [movedAnchor, orphanAnchor, freshAnchor] = listed.map((a) => a.anchor);
      expect(movedAnchor).toEqual({
        ...spanOf(article.text, 'Wachstum der Cloud-Sparte von 33 Prozent'),
        method: 'quote',
      });
      expect(movedAnchor!.start).not.toBe(moved.selectors.position.start);
      expect(orphanAnchor).toBeNull();
      expect(freshAnchor).toEqual({ ...fresh.anchor, method: 'position' });

      // Listing never rewrites the file: the orphan stays for the analyst to reattach.
      expect(await readFile(annotationsPath(article.id))).toEqual(fileBefore);
      expect((await onDisk(article.id)).highlights.map((h) => h.id)).toContain(orphan.id);
    });

    it('lists nothing for an article without highlights and refuses an unknown article', async () => {
      const article = await addArticle(PARAGRAPHS);
      expect(valueOf(await call('highlights:list', { articleId: article.id }))).toEqual([]);
      expect(errorOf(await call('highlights:list', { articleId: randomUUID() }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(errorOf(await call('highlights:list', { articleId: 'nope' }))).toMatchObject({
        code: 'INVALID_INPUT',
      });
    });
  });

  describe('highlights:update', () => {
    it('changes what was given, keeps the rest and createdAt, and stamps updatedAt', async () => {
      const article = await addArticle(PARAGRAPHS);
      const [regulatory, margin] = await ensureTags('Risk › Regulatory', 'Thesis/Margin');
      const { highlight } = await create({
        articleId: article.id,
        ...spanOf(article.text, 'Die Bafin prüft das Geschäft'),
        tags: [regulatory],
        note: 'erste Notiz',
      });
      tick();

      const note = 'Zeile eins\nZeile zwei\n\n  eingerückt, mit Leerzeilen\n';
      const updated = valueOf<AnchoredHighlight>(
        await call('highlights:update', {
          articleId: article.id,
          id: highlight.id,
          claimClass: 'risk',
          tags: [margin, regulatory, margin],
          note,
          paraphrase: 'BaFin is looking into the data-centre business.',
        }),
      );
      const expected: Highlight = {
        ...highlight,
        claimClass: 'risk',
        tags: [margin!, regulatory!],
        note,
        paraphrase: 'BaFin is looking into the data-centre business.',
        updatedAt: '2026-11-25T09:01:00.000Z',
      };
      expect(updated).toEqual({
        highlight: expected,
        anchor: { ...highlight.selectors.position, method: 'position' },
      });
      expect(updated.highlight.createdAt).toBe('2026-11-25T09:00:00.000Z');
      expect((await onDisk(article.id)).highlights).toEqual([expected]);

      // Omitted fields stay as they are; an empty tag list clears the tags.
      tick();
      const cleared = valueOf<AnchoredHighlight>(
        await call('highlights:update', { articleId: article.id, id: highlight.id, tags: [] }),
      );
      expect(cleared.highlight).toEqual({
        ...expected,
        tags: [],
        updatedAt: '2026-11-25T09:02:00.000Z',
      });
    });

    it('refuses an unknown tag, an unknown highlight and a malformed change, writing nothing', async () => {
      const article = await addArticle(PARAGRAPHS);
      const { highlight } = await create({ articleId: article.id, start: 0, end: 9 });
      const before = await snapshotFolder(dataDir);
      const ref = { articleId: article.id, id: highlight.id };

      expect(
        errorOf(await call('highlights:update', { ...ref, tags: [randomUUID()] })),
      ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('codebook') });
      expect(
        errorOf(await call('highlights:update', { ...ref, id: randomUUID(), note: 'x' })),
      ).toEqual({
        code: 'NOT_FOUND',
        message: 'This highlight is no longer in the article; it may have been deleted.',
      });
      expect(
        errorOf(await call('highlights:update', { ...ref, claimClass: 'opinion' })),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      expect(errorOf(await call('highlights:update', { ...ref, note: null }))).toMatchObject({
        code: 'INVALID_INPUT',
      });
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  });

  describe('highlights:reattach', () => {
    it('takes new selectors from the new span, so an orphan is anchored again', async () => {
      const article = await addArticle(PARAGRAPHS, {
        pages: [3, 5, 6],
        origin: { kind: 'file', format: 'pdf', fileName: 'bericht.pdf' },
      });
      const stamp = '2026-11-24T10:00:00.000Z';
      const orphan: Highlight = {
        id: randomUUID(),
        articleId: article.id,
        selectors: {
          quote: { exact: 'Worte, die es nicht mehr gibt', prefix: 'Vorher ', suffix: ' nachher' },
          position: { start: 10, end: 39 },
        },
        page: null,
        claimClass: 'evidence',
        tags: [],
        note: 'bleibt',
        paraphrase: '',
        links: [],
        createdAt: stamp,
        updatedAt: stamp,
      };
      await library.annotations.saveHighlight(orphan);
      const [listedBefore] = valueOf<AnchoredHighlight[]>(
        await call('highlights:list', { articleId: article.id }),
      );
      expect(listedBefore!.anchor).toBeNull();

      const span = spanOf(article.text, 'Der Vorstand bestätigt die Prognose');
      const reattached = valueOf<AnchoredHighlight>(
        await call('highlights:reattach', { articleId: article.id, id: orphan.id, ...span }),
      );
      const expected: Highlight = {
        ...orphan,
        selectors: describeTextRange(article.text, span.start, span.end),
        page: 6,
        updatedAt: '2026-11-25T09:00:00.000Z',
      };
      expect(reattached).toEqual({ highlight: expected, anchor: { ...span, method: 'position' } });
      expect((await onDisk(article.id)).highlights).toEqual([expected]);

      const [listedAfter] = valueOf<AnchoredHighlight[]>(
        await call('highlights:list', { articleId: article.id }),
      );
      expect(listedAfter).toEqual({ highlight: expected, anchor: { ...span, method: 'position' } });
    });

    it('refuses a bad span or an unknown highlight without changing the file', async () => {
      const article = await addArticle(PARAGRAPHS);
      const { highlight } = await create({ articleId: article.id, start: 0, end: 9 });
      const before = await snapshotFolder(dataDir);
      const ref = { articleId: article.id, id: highlight.id };
      const gap = { start: article.blocks[0]!.end, end: article.blocks[1]!.start };
      for (const [payload, code] of [
        [{ ...ref, start: 5, end: article.text.length + 1 }, 'INVALID_INPUT'],
        [{ ...ref, ...gap }, 'INVALID_INPUT'],
        [{ ...ref, start: 9, end: 9 }, 'INVALID_INPUT'],
        [{ ...ref, id: randomUUID(), start: 0, end: 9 }, 'NOT_FOUND'],
      ] as const) {
        expect(errorOf(await call('highlights:reattach', payload)).code).toBe(code);
      }
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  });

  describe('highlights:delete and highlights:restore', () => {
    it('deletes and returns the highlight, then restores exactly that highlight once', async () => {
      const article = await addArticle(PARAGRAPHS);
      const [regulatory] = await ensureTags('Risk › Regulatory');
      const kept = await create({ articleId: article.id, start: 0, end: 9 });
      const { highlight } = await create({
        articleId: article.id,
        ...spanOf(article.text, 'Die Bafin prüft das Geschäft'),
        claimClass: 'risk',
        tags: [regulatory],
        note: 'Notiz\nzweite Zeile',
        paraphrase: 'Paraphrase',
      });
      const ref = { articleId: article.id, id: highlight.id };

      const deleted = valueOf<Highlight>(await call('highlights:delete', ref));
      expect(deleted).toEqual(highlight);
      expect((await onDisk(article.id)).highlights).toEqual([kept.highlight]);
      expect(errorOf(await call('highlights:delete', ref))).toMatchObject({ code: 'NOT_FOUND' });

      tick();
      const version = { articleId: article.id, id: deleted.id, updatedAt: deleted.updatedAt };
      const restored = valueOf<AnchoredHighlight>(await call('highlights:restore', version));
      // The very same highlight: same id, same stamps, same words.
      expect(restored).toEqual({
        highlight,
        anchor: { ...highlight.selectors.position, method: 'position' },
      });
      expect((await onDisk(article.id)).highlights).toEqual([kept.highlight, highlight]);

      // Restoring the same version again changes nothing.
      valueOf<AnchoredHighlight>(await call('highlights:restore', version));
      expect((await onDisk(article.id)).highlights).toEqual([kept.highlight, highlight]);
    });

    it('restores only versions main handed out: the page can never supply the words', async () => {
      const article = await addArticle(PARAGRAPHS);
      const { highlight } = await create({ articleId: article.id, start: 0, end: 9 });
      const before = await snapshotFolder(dataDir);
      const forged = {
        articleId: article.id,
        id: highlight.id,
        updatedAt: '2020-01-01T00:00:00.000Z',
        selectors: { quote: { exact: 'Words the source never said', prefix: '', suffix: '' } },
      };
      expect(errorOf(await call('highlights:restore', forged))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        errorOf(
          await call('highlights:restore', {
            articleId: article.id,
            id: randomUUID(),
            updatedAt: highlight.updatedAt,
          }),
        ),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });

    it('undoes a re-attach by restoring the earlier version', async () => {
      const article = await addArticle(PARAGRAPHS);
      const { highlight } = await create({ articleId: article.id, start: 0, end: 9 });
      tick();
      const moved = valueOf<AnchoredHighlight>(
        await call('highlights:reattach', {
          articleId: article.id,
          id: highlight.id,
          ...spanOf(article.text, 'Die Bafin prüft das Geschäft'),
        }),
      );
      expect(moved.highlight.selectors.quote.exact).toBe('Die Bafin prüft das Geschäft');
      const back = valueOf<AnchoredHighlight>(
        await call('highlights:restore', {
          articleId: article.id,
          id: highlight.id,
          updatedAt: highlight.updatedAt,
        }),
      );
      expect(back.highlight).toEqual(highlight);
      expect((await onDisk(article.id)).highlights).toEqual([highlight]);
    });

    it('drops on restore the tags that left the codebook since the delete', async () => {
      const article = await addArticle(PARAGRAPHS);
      const [regulatory, legal, margin] = await ensureTags(
        'Risk › Regulatory',
        'Risk › Legal',
        'Thesis › Margin',
      );
      const { highlight } = await create({
        articleId: article.id,
        start: 0,
        end: 9,
        tags: [regulatory, margin],
      });
      const deleted = valueOf<Highlight>(
        await call('highlights:delete', { articleId: article.id, id: highlight.id }),
      );
      const merged = valueOf<MergedTags>(
        await call('codebook:merge', { fromId: regulatory, intoId: legal }),
      );
      // The deleted highlight was not in any file, so the merge changed nothing.
      expect(merged.highlightsChanged).toBe(0);

      const restored = valueOf<AnchoredHighlight>(
        await call('highlights:restore', {
          articleId: article.id,
          id: deleted.id,
          updatedAt: deleted.updatedAt,
        }),
      );
      expect(restored.highlight).toEqual({ ...highlight, tags: [margin] });
      expect((await onDisk(article.id)).highlights).toEqual([{ ...highlight, tags: [margin] }]);
      const codebook = valueOf<Tag[]>(await call('codebook:list'));
      expect(codebook.map((t) => t.id)).not.toContain(regulatory);
    });

    it('refuses to restore into another article, and malformed versions', async () => {
      const article = await addArticle(PARAGRAPHS);
      const { highlight } = await create({ articleId: article.id, start: 0, end: 9 });
      const before = await snapshotFolder(dataDir);
      const result = await call('highlights:restore', {
        articleId: randomUUID(),
        id: highlight.id,
        updatedAt: highlight.updatedAt,
      });
      expect(errorOf(result)).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        errorOf(
          await call('highlights:restore', {
            articleId: article.id,
            id: highlight.id,
            updatedAt: 'yesterday',
          }),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT' });
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  });

  describe('concurrency', () => {
    it('keeps every one of 20 parallel creates and updates on one article', async () => {
      const article = await addArticle([...PARAGRAPHS, PARAGRAPHS.join(' ').toUpperCase()]);
      const spans = [...article.text.matchAll(/\S+/g)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
      }));
      expect(spans.length).toBeGreaterThanOrEqual(40);
      const existing = [];
      for (const span of spans.slice(0, 20)) {
        existing.push((await create({ articleId: article.id, ...span })).highlight);
      }

      const results = await Promise.all([
        ...spans
          .slice(20, 40)
          .map((span, i) => create({ articleId: article.id, ...span, note: `neu ${i}` })),
        ...existing.map((h, i) =>
          call('highlights:update', {
            articleId: article.id,
            id: h.id,
            note: `geändert ${i}`,
          }).then((r) => valueOf<AnchoredHighlight>(r)),
        ),
      ]);

      const stored = (await onDisk(article.id)).highlights;
      expect(stored).toHaveLength(40);
      expect(new Set(stored.map((h) => h.id)).size).toBe(40);
      const byId = new Map(stored.map((h) => [h.id, h]));
      for (const { highlight } of results) expect(byId.get(highlight.id)).toEqual(highlight);
      expect(existing.map((h) => byId.get(h.id)!.note)).toEqual(
        existing.map((_, i) => `geändert ${i}`),
      );

      // And all of it survives a restart.
      await library.close();
      library = await openLibrary(dataDir, { logger });
      expect(
        (await library.annotations.listHighlights(article.id)).sort((a, b) =>
          a.id.localeCompare(b.id),
        ),
      ).toEqual([...stored].sort((a, b) => a.id.localeCompare(b.id)));
    });
  });

  describe('in a library opened read-only', () => {
    it('refuses to create a highlight and leaves everything as it was', async () => {
      const article = await addArticle(PARAGRAPHS);
      await library.close();
      const indexPath = join(dataDir, 'library.json');
      const index = JSON.parse(await readFile(indexPath, 'utf8'));
      await writeFile(indexPath, JSON.stringify({ ...index, schemaVersion: 99 }));
      library = await openLibrary(dataDir, { logger });
      handlers = createMainHandlers({
        library,
        seedsDir,
        parser,
        dialogs: chosenPathsDialogs(),
        now: () => new Date(clock),
      });

      const before = await snapshotFolder(dataDir);
      const error = errorOf(
        await call('highlights:create', {
          articleId: article.id,
          start: 0,
          end: 9,
          claimClass: 'thesis',
        }),
      );
      expect(error.code).toBe('STORE_READ_ONLY');
      expect(error.message).toContain('newer version of Margin');
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  });
});
