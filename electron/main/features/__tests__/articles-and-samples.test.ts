import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article, ArticleAdded, ArticleSummary } from '../../../../shared/domain/article';
import type { SampleInfo } from '../../../../shared/domain/sample';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import { invokeChannel } from '../../ipc/invoke-channel';
import { openLibrary, type Library } from '../../storage/open-library';
import { collectingLogger } from '../../test-support/collecting-logger';
import { snapshotFolder } from '../../test-support/folder-snapshot';
import { createTempDataDir } from '../../test-support/temp-data-dir';
import { createMainHandlers } from '../create-main-handlers';
import { chosenPathsDialogs } from '../../test-support/chosen-paths-dialogs';
import { createTestParserPool } from '../../test-support/test-parser-pool';
import { valueOf } from '../../test-support/envelope-of';

const seedsDir = join(import.meta.dirname, '../../../../seeds');
const seedText = await readFile(join(seedsDir, 'microsoft-openai-de.txt'), 'utf8');
const logger = collectingLogger();

describe('articles and samples over the IPC path', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let library: Library;
  let handlers: ChannelHandlers;
  const call = (channel: string, payload?: unknown) =>
    invokeChannel(handlers, channel, payload, logger);

  let parser: ReturnType<typeof createTestParserPool>;
  beforeEach(async () => {
    parser = createTestParserPool();
    ({ dir: dataDir, cleanup } = await createTempDataDir());
    library = await openLibrary(dataDir, { logger });
    handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs: chosenPathsDialogs(),
      now: () => new Date('2026-11-25T09:00:00Z'),
    });
  });
  afterEach(async () => {
    await library.close();
    await parser.close();
    await cleanup();
  });

  it('adds a pasted article with what the analyst gave and infers the rest', async () => {
    const { article, created } = valueOf<ArticleAdded>(
      await call('articles:create', {
        text: 'Azure wächst schneller als erwartet\r\n\r\nDer Umsatz mit Cloud-Diensten stieg um 33 Prozent. Analysten sind überrascht.',
        source: ' Handelsblatt ',
        author: '',
        publishedAt: '2026-11-24',
      }),
    );
    expect(created).toBe(true);
    expect(article).toMatchObject({
      title: 'Azure wächst schneller als erwartet',
      source: 'Handelsblatt',
      author: null,
      publishedAt: '2026-11-24',
      language: 'de',
      importedAt: '2026-11-25T09:00:00.000Z',
      origin: { kind: 'paste' },
    });
    const full = valueOf<Article>(await call('articles:get', { id: article.id }));
    expect(full.text).toBe(
      'Azure wächst schneller als erwartet\n\nDer Umsatz mit Cloud-Diensten stieg um 33 Prozent. Analysten sind überrascht.',
    );
    expect(full.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
  });

  it('keeps a title the analyst typed', async () => {
    const { article } = valueOf<ArticleAdded>(
      await call('articles:create', { text: 'Some text here. More.', title: 'My own title' }),
    );
    expect(article.title).toBe('My own title');
    expect(article.language).toBe('en');
  });

  it.each([
    ['an empty paste', ''],
    ['whitespace only', ' \n\t\r\n '],
    ['only invisible characters', '\u200B\u00AD\uFEFF'],
  ])('refuses %s with a clear message and writes nothing', async (_label, text) => {
    const before = await snapshotFolder(dataDir);
    const result = await call('articles:create', { text });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'EMPTY_TEXT',
        message: 'There is no text to add: paste the article text into the box first.',
      },
    });
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('lists newest first', async () => {
    let clock = Date.parse('2026-11-25T09:00:00Z');
    handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs: chosenPathsDialogs(),
      now: () => new Date((clock += 60_000)),
    });
    await call('articles:create', { text: 'Erstens.' });
    await call('articles:create', { text: 'Zweitens.' });
    const titles = valueOf<ArticleSummary[]>(await call('articles:list')).map((a) => a.title);
    expect(titles).toEqual(['Zweitens', 'Erstens']);
  });

  it('says plainly when an article is not in the library', async () => {
    const result = await call('articles:get', { id: '6f1c2a1e-8d2b-4c1a-9a8e-2f0b1c3d4e5f' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('offers the German seed article as a sample with its inferred title', async () => {
    const samples = valueOf<SampleInfo[]>(await call('samples:list'));
    expect(samples).toEqual([
      {
        id: 'microsoft-openai-de',
        title:
          'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und…',
        language: 'de',
      },
    ]);
  });

  it('imports the sample once, each line of it a paragraph, word for word', async () => {
    const first = valueOf<ArticleAdded>(
      await call('samples:import', { sampleId: 'microsoft-openai-de' }),
    );
    const second = valueOf<ArticleAdded>(
      await call('samples:import', { sampleId: 'microsoft-openai-de' }),
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ article: first.article, created: false });
    expect(first.article.origin).toEqual({ kind: 'sample', sampleId: 'microsoft-openai-de' });
    const article = valueOf<Article>(await call('articles:get', { id: first.article.id }));
    expect(article.blocks.map((b) => article.text.slice(b.start, b.end))).toEqual(
      seedText.replace(/\n$/, '').split('\n'),
    );
    expect(article.text).toBe(seedText.replace(/\n$/, '').split('\n').join('\n\n'));
    expect(new Set(article.blocks.map((b) => b.kind))).toEqual(new Set(['paragraph']));
  });

  it('refuses an unknown sample', async () => {
    const result = await call('samples:import', { sampleId: 'no-such-sample' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('reports the library status with the data folder and no notices', async () => {
    await call('articles:create', { text: 'Eins.' });
    expect(valueOf(await call('library:status'))).toEqual({
      dataDir,
      readOnlyReason: null,
      articleCount: 1,
      notices: [],
      writeFailure: null,
      integrity: [],
      // The startup check of the other store files may still be running.
      checking: expect.any(Boolean),
    });
  });
});
