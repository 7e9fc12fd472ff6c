import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleAdded } from '../../../../../shared/domain/article';
import type { EnsuredTags, MergedTags, Tag } from '../../../../../shared/domain/codebook';
import type { AnchoredHighlight, Highlight } from '../../../../../shared/domain/highlight';
import { tagPath } from '../../../../../shared/domain/tag-path';
import type { ChannelHandlers } from '../../../ipc/channel-handlers';
import { invokeChannel } from '../../../ipc/invoke-channel';
import { openLibrary, type Library } from '../../../storage/open-library';
import { chosenPathsDialogs } from '../../../test-support/chosen-paths-dialogs';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { createMainHandlers } from '../../create-main-handlers';
import { errorOf, valueOf } from '../../../test-support/envelope-of';

const seedsDir = join(import.meta.dirname, '../../../../../seeds');
const logger = collectingLogger();

/** Every tag's full path, sorted: the codebook as the analyst sees it. */
const pathsOf = (codebook: readonly Tag[]) => codebook.map((t) => tagPath(codebook, t.id)).sort();

describe('the codebook over the IPC path', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  let handlers: ChannelHandlers;
  const parser = createTestParserPool();
  const call = (channel: string, payload?: unknown) =>
    invokeChannel(handlers, channel, payload, logger);
  const libraryFile = async () => JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'));

  async function open() {
    const now = () => new Date('2026-11-25T09:00:00.000Z');
    library = await openLibrary(dataDir, { logger, now });
    handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs: chosenPathsDialogs(),
      now,
    });
  }

  const ensure = async (...paths: string[]) =>
    valueOf<EnsuredTags>(await call('codebook:ensure', { paths }));
  const list = async () => valueOf<Tag[]>(await call('codebook:list'));

  async function addArticle(text: string): Promise<string> {
    return valueOf<ArticleAdded>(await call('articles:create', { text })).article.id;
  }

  async function highlight(articleId: string, tags: string[], end = 10): Promise<Highlight> {
    const created = await call('highlights:create', {
      articleId,
      start: 0,
      end,
      claimClass: 'risk',
      tags,
    });
    return valueOf<AnchoredHighlight>(created).highlight;
  }

  async function highlightsOf(articleId: string): Promise<Highlight[]> {
    const listed = await call('highlights:list', { articleId });
    return valueOf<AnchoredHighlight[]>(listed).map((a) => a.highlight);
  }

  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    await open();
  });
  afterEach(async () => {
    await library.close();
    await cleanup();
  });
  afterAll(() => parser.close());

  describe('codebook:ensure', () => {
    it('creates a path as a parent and a child tag, and finds them again on a second call', async () => {
      const first = await ensure('Risk › Regulatory');
      expect(first.codebook).toEqual([
        {
          id: expect.any(String),
          name: 'Risk',
          parentId: null,
          createdAt: '2026-11-25T09:00:00.000Z',
        },
        {
          id: first.ids[0],
          name: 'Regulatory',
          parentId: first.codebook[0]!.id,
          createdAt: '2026-11-25T09:00:00.000Z',
        },
      ]);
      expect((await libraryFile()).codebook).toEqual(first.codebook);

      const fileBefore = await readFile(join(dataDir, 'library.json'));
      const again = await ensure('risk/REGULATORY', '  Risk  ›  Regulatory ', 'RISK', 'Risk/');
      const [risk, regulatory] = first.codebook;
      expect(again).toEqual({
        codebook: first.codebook,
        ids: [regulatory!.id, regulatory!.id, risk!.id, risk!.id],
      });
      // Nothing new, so nothing written.
      expect(await readFile(join(dataDir, 'library.json'))).toEqual(fileBefore);
    });

    it('creates each missing level once, even when one call names it twice', async () => {
      const { ids, codebook } = await ensure(
        'Risk/Regulatory/EU',
        'risk › regulatory › US',
        'Thesis',
        'Risk › Regulatory › eu',
      );
      expect(pathsOf(codebook)).toEqual([
        'Risk',
        'Risk › Regulatory',
        'Risk › Regulatory › EU',
        'Risk › Regulatory › US',
        'Thesis',
      ]);
      expect(ids.map((id) => tagPath(codebook, id))).toEqual([
        'Risk › Regulatory › EU',
        'Risk › Regulatory › US',
        'Thesis',
        'Risk › Regulatory › EU',
      ]);
      expect(await list()).toEqual(codebook);
    });

    it('tells apart names that differ by accent and keeps same names under different parents apart', async () => {
      const { ids } = await ensure('Resume', 'Résumé', 'Risk › Other', 'Thesis › Other');
      expect(new Set(ids).size).toBe(4);
    });

    it('creates one tag when many calls ensure the same path at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => ensure(i % 2 === 0 ? 'Macro › Rates' : 'macro/rates')),
      );
      expect(new Set(results.map((r) => r.ids[0])).size).toBe(1);
      expect(pathsOf(await list())).toEqual(['Macro', 'Macro › Rates']);
      expect(pathsOf((await libraryFile()).codebook)).toEqual(['Macro', 'Macro › Rates']);
    });

    it.each([
      ['only separators', ['/ › /'], 'A tag needs a name.'],
      ['only spaces', ['   '], 'A tag needs a name.'],
      ['a level over 80 characters', [`Risk › ${'x'.repeat(81)}`], 'at most 80 characters'],
      ['one bad path among good ones', ['Fine', `${'y'.repeat(81)}`], 'at most 80 characters'],
    ])('refuses %s and writes nothing', async (_label, paths, message) => {
      await ensure('Existing');
      const before = await snapshotFolder(dataDir);
      const error = errorOf(await call('codebook:ensure', { paths }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain(message);
      expect(await snapshotFolder(dataDir)).toEqual(before);
      expect(pathsOf(await list())).toEqual(['Existing']);
    });

    it.each([
      ['no paths', { paths: [] }],
      ['an empty path', { paths: [''] }],
      ['a path that is not a string', { paths: [42] }],
      ['a single string', { paths: 'Risk' }],
      ['over 50 paths', { paths: Array.from({ length: 51 }, (_, i) => `Tag ${i}`) }],
      ['a path over 400 characters', { paths: ['a/'.repeat(201)] }],
    ])('refuses a payload with %s as malformed', async (_label, payload) => {
      const before = await snapshotFolder(dataDir);
      const error = errorOf(await call('codebook:ensure', payload));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/^Margin refused a malformed request \(codebook:ensure\)/);
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  });

  describe('codebook:rename', () => {
    it("changes the path every highlight shows, while the highlights keep the tag's id", async () => {
      const { ids, codebook } = await ensure('Risk › Regulatory', 'Risk › Legal');
      const [regulatory, legal] = ids;
      const risk = codebook.find((t) => t.name === 'Risk')!;
      const articles = [
        await addArticle('Die Bafin prüft das Geschäft.'),
        await addArticle('Ein Gericht verhandelt die Klage.'),
      ];
      const made = [
        await highlight(articles[0]!, [regulatory!]),
        await highlight(articles[1]!, [regulatory!, legal!]),
      ];
      const fileBefore = await Promise.all(
        articles.map((id) => readFile(join(dataDir, 'articles', id, 'annotations.json'))),
      );

      const renamed = valueOf<Tag[]>(
        await call('codebook:rename', { id: risk.id, name: ' Risiko ' }),
      );
      expect(renamed.find((t) => t.id === risk.id)).toEqual({ ...risk, name: 'Risiko' });
      expect(await list()).toEqual(renamed);
      expect((await libraryFile()).codebook).toEqual(renamed);

      // The highlights were not rewritten: they hold ids, and the ids now show the new path.
      for (const [i, id] of articles.entries()) {
        expect(await readFile(join(dataDir, 'articles', id, 'annotations.json'))).toEqual(
          fileBefore[i],
        );
        const [stored] = await highlightsOf(id);
        expect(stored).toEqual(made[i]);
      }
      const shown = (await highlightsOf(articles[1]!))[0]!.tags.map((id) => tagPath(renamed, id));
      expect(shown).toEqual(['Risiko › Regulatory', 'Risiko › Legal']);
    });

    it('allows changing only the case of a name', async () => {
      const { ids } = await ensure('Esg');
      const renamed = valueOf<Tag[]>(await call('codebook:rename', { id: ids[0], name: 'ESG' }));
      expect(renamed.map((t) => t.name)).toEqual(['ESG']);
    });

    it('refuses a name a sibling already has, pointing to a merge, and writes nothing', async () => {
      const { ids } = await ensure('Risk › Regulatory', 'Risk › Legal', 'Thesis › Legal');
      const before = await snapshotFolder(dataDir);
      expect(errorOf(await call('codebook:rename', { id: ids[0], name: 'legal' }))).toEqual({
        code: 'CONFLICT',
        message: 'The codebook already has a tag "Risk › Legal". Merge the two tags instead.',
      });
      expect(await snapshotFolder(dataDir)).toEqual(before);

      // A cousin of the same name is not a clash.
      const renamed = valueOf<Tag[]>(
        await call('codebook:rename', { id: ids[2], name: 'Regulatory' }),
      );
      expect(pathsOf(renamed)).toEqual([
        'Risk',
        'Risk › Legal',
        'Risk › Regulatory',
        'Thesis',
        'Thesis › Regulatory',
      ]);
    });

    it.each([
      ['an empty name', { name: '  ' }, 'INVALID_INPUT'],
      ['a name with a path separator', { name: 'Risk/Legal' }, 'INVALID_INPUT'],
      ['a name with ›', { name: 'Risk › Legal' }, 'INVALID_INPUT'],
      ['a name over 80 characters', { name: 'z'.repeat(81) }, 'INVALID_INPUT'],
      ['an unknown tag', { id: randomUUID() }, 'NOT_FOUND'],
      ['a malformed id', { id: 'Risk' }, 'INVALID_INPUT'],
    ])('refuses %s and writes nothing', async (_label, change, code) => {
      const { ids } = await ensure('Risk');
      const before = await snapshotFolder(dataDir);
      const error = errorOf(
        await call('codebook:rename', { id: ids[0], name: 'Renamed', ...change }),
      );
      expect(error.code).toBe(code);
      expect(await snapshotFolder(dataDir)).toEqual(before);
      expect((await list()).map((t) => t.name)).toEqual(['Risk']);
    });
  });

  describe('codebook:merge', () => {
    it('retags the highlights of every article, deduplicating, and counts them', async () => {
      const { ids } = await ensure('Risk › Regulation', 'Risk › Regulatory', 'Thesis');
      const [from, into, other] = ids as [string, string, string];
      const [a, b, c] = [
        await addArticle('Die Bafin prüft das Geschäft mit Rechenzentren.'),
        await addArticle('Die EU-Kommission kündigt eine Untersuchung an.'),
        await addArticle('Der Vorstand erhöht die Dividende deutlich.'),
      ];
      const inA = [await highlight(a, [from]), await highlight(a, [other, from, into], 12)];
      const inB = [await highlight(b, [from, other])];
      const inC = [await highlight(c, [other]), await highlight(c, [into])];
      const fileOfC = await readFile(join(dataDir, 'articles', c, 'annotations.json'));

      const merged = valueOf<MergedTags>(
        await call('codebook:merge', { fromId: from, intoId: into }),
      );
      expect(merged.highlightsChanged).toBe(3);
      expect(pathsOf(merged.codebook)).toEqual(['Risk', 'Risk › Regulatory', 'Thesis']);
      expect(await list()).toEqual(merged.codebook);
      expect((await libraryFile()).codebook).toEqual(merged.codebook);

      const retagged = (h: Highlight, tags: string[]) => ({
        ...h,
        tags,
        updatedAt: expect.any(String),
      });
      expect(await highlightsOf(a)).toEqual([
        retagged(inA[0]!, [into]),
        retagged(inA[1]!, [other, into]),
      ]);
      expect(await highlightsOf(b)).toEqual([retagged(inB[0]!, [into, other])]);
      // An article with nothing to change is not rewritten.
      expect(await highlightsOf(c)).toEqual(inC);
      expect(await readFile(join(dataDir, 'articles', c, 'annotations.json'))).toEqual(fileOfC);
    });

    it('moves children along, merging the children that share a name', async () => {
      const { ids, codebook } = await ensure(
        'Old › Energy',
        'Old › Banks',
        'Old › Energy › Oil',
        'New › Energy',
        'New › Energy › Gas',
      );
      const [oldEnergy, oldBanks, oldOil, newEnergy, newGas] = ids as string[];
      const old = codebook.find((t) => t.name === 'Old')!;
      const neu = codebook.find((t) => t.name === 'New')!;
      const article = await addArticle('Ölpreise steigen, Banken profitieren, Gas wird knapp.');
      const made = [
        await highlight(article, [old.id]),
        await highlight(article, [oldEnergy!], 8),
        await highlight(article, [oldBanks!, oldOil!], 12),
        await highlight(article, [newGas!], 14),
      ];

      const merged = valueOf<MergedTags>(
        await call('codebook:merge', { fromId: old.id, intoId: neu.id }),
      );
      expect(merged.highlightsChanged).toBe(2);
      expect(pathsOf(merged.codebook)).toEqual([
        'New',
        'New › Banks',
        'New › Energy',
        'New › Energy › Gas',
        'New › Energy › Oil',
      ]);
      // Children that moved keep their id; same-named ones were merged into the target's.
      const byPath = new Map(merged.codebook.map((t) => [tagPath(merged.codebook, t.id), t.id]));
      expect(byPath.get('New › Banks')).toBe(oldBanks);
      expect(byPath.get('New › Energy')).toBe(newEnergy);
      expect(byPath.get('New › Energy › Oil')).toBe(oldOil);
      expect(merged.codebook.map((t) => t.id)).not.toContain(oldEnergy);

      const stored = await highlightsOf(article);
      expect(stored.map((h) => h.tags)).toEqual([
        [neu.id],
        [newEnergy],
        [oldBanks, oldOil],
        [newGas],
      ]);
      expect(stored[2]).toEqual(made[2]);
      expect(stored[3]).toEqual(made[3]);
      // Every tag a highlight holds is still in the codebook.
      const known = new Set(merged.codebook.map((t) => t.id));
      expect(stored.flatMap((h) => h.tags).every((id) => known.has(id))).toBe(true);
    });

    it('refuses merging a tag into its own descendant, or into itself, and writes nothing', async () => {
      const { ids, codebook } = await ensure('Risk › Regulatory › EU');
      const risk = codebook.find((t) => t.name === 'Risk')!;
      const article = await addArticle('Die Bafin prüft das Geschäft.');
      await highlight(article, [risk.id]);
      const before = await snapshotFolder(dataDir);

      const intoGrandchild = errorOf(
        await call('codebook:merge', { fromId: risk.id, intoId: ids[0] }),
      );
      expect(intoGrandchild).toEqual({
        code: 'INVALID_INPUT',
        message: '"Risk" cannot be merged into a tag inside it.',
      });
      const intoItself = errorOf(
        await call('codebook:merge', { fromId: risk.id, intoId: risk.id }),
      );
      expect(intoItself.code).toBe('INVALID_INPUT');
      expect(intoItself.message).toContain('a tag cannot be merged into itself');
      const unknown = errorOf(
        await call('codebook:merge', { fromId: randomUUID(), intoId: risk.id }),
      );
      expect(unknown).toEqual({
        code: 'NOT_FOUND',
        message: 'This tag is no longer in the codebook.',
      });
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  });

  it('keeps the codebook and the tagged highlights across a restart', async () => {
    const { ids, codebook } = await ensure('Risk › Regulatory', 'Thesis › Margin');
    const article = await addArticle('Die Bafin prüft das Geschäft.');
    const made = await highlight(article, ids);
    const risk = codebook.find((t) => t.name === 'Risk')!;
    const renamed = valueOf<Tag[]>(await call('codebook:rename', { id: risk.id, name: 'Risiko' }));

    await library.close();
    await open();

    expect(await list()).toEqual(renamed);
    expect(await highlightsOf(article)).toEqual([made]);
    expect(made.tags.map((id) => tagPath(renamed, id))).toEqual([
      'Risiko › Regulatory',
      'Thesis › Margin',
    ]);
    // And the reopened codebook is the one new calls work with.
    const again = await ensure('risiko/regulatory');
    expect(again.ids).toEqual([ids[0]]);
  });
});
