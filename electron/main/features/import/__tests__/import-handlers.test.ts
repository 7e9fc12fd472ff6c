import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article, ArticleAdded, ArticleSummary } from '../../../../../shared/domain/article';
import type { ChosenFile } from '../../../../../shared/domain/import-request';
import type { ChannelHandlers } from '../../../ipc/channel-handlers';
import { invokeChannel } from '../../../ipc/invoke-channel';
import { openLibrary, type Library } from '../../../storage/open-library';
import { chosenPathsDialogs } from '../../../test-support/chosen-paths-dialogs';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { startLocalHttpServer } from '../../../test-support/local-http-server';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { createTestParserPool } from '../../../test-support/test-parser-pool';
import { createMainHandlers } from '../../create-main-handlers';
import { makeZipBombDocx } from './fixtures/make-docx';
import { makePng } from './fixtures/make-pdf';
import { valueOf } from '../../../test-support/envelope-of';

const seedsDir = join(import.meta.dirname, '../../../../../seeds');
const logger = collectingLogger();

/** A German paragraph whose every character exists in all six encodings under test. */
const GERMAN =
  'Die Münchener Rück erhöht die Dividende um 12 € je Aktie. Größere Übernahmen schließt der Vorstand aus; Analysten äußern sich "zurückhaltend" zur Prognose für das Geschäftsjahr.';

describe('importing articles over the IPC path', () => {
  let dataDir: string;
  let filesDir: string;
  let cleanups: Array<() => Promise<void>>;
  let library: Library;
  let handlers: ChannelHandlers;
  const parser = createTestParserPool();
  const dialogs = chosenPathsDialogs();
  const call = (channel: string, payload?: unknown) =>
    invokeChannel(handlers, channel, payload, logger);

  /** Writes files, "chooses" them in the dialog and returns their tokens. */
  async function choose(files: Record<string, Uint8Array | string>): Promise<ChosenFile[]> {
    const paths: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      const path = join(filesDir, name);
      await writeFile(path, content);
      paths.push(path);
    }
    dialogs.choose(paths);
    return valueOf<ChosenFile[]>(await call('import:chooseFiles'));
  }

  const importToken = (token: string, extra: object = {}) =>
    call('import:file', { token, requestId: randomUUID(), ...extra });

  async function importOne(name: string, content: Uint8Array | string): Promise<Article> {
    const [file] = await choose({ [name]: content });
    const { article } = valueOf<ArticleAdded>(await importToken(file!.token));
    return valueOf<Article>(await call('articles:get', { id: article.id }));
  }

  beforeEach(async () => {
    const data = await createTempDataDir();
    const files = await createTempDataDir('margin-files-');
    dataDir = data.dir;
    filesDir = files.dir;
    cleanups = [data.cleanup, files.cleanup];
    library = await openLibrary(dataDir, { logger });
    handlers = createMainHandlers({
      library,
      seedsDir,
      parser,
      dialogs,
      now: () => new Date('2026-11-25T09:00:00Z'),
    });
  });
  afterEach(async () => {
    await library.close();
    for (const cleanup of cleanups) await cleanup();
  });
  afterAll(() => parser.close());

  it.each([
    ['UTF-8', () => Buffer.from(GERMAN, 'utf8')],
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GERMAN)])],
    [
      'UTF-16LE',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(GERMAN, 'utf-16le')]),
    ],
    [
      'UTF-16BE',
      () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(GERMAN, 'utf-16be')]),
    ],
    ['Windows-1252', () => iconv.encode(GERMAN, 'windows-1252')],
    ['ISO-8859-15', () => iconv.encode(GERMAN, 'iso-8859-15')],
  ])('imports a .txt written as %s to the same NFC text', async (_label, bytes) => {
    const article = await importOne('bericht.txt', new Uint8Array(bytes()));
    expect(article.text).toBe(GERMAN.normalize('NFC'));
    expect(article.origin).toEqual({ kind: 'file', format: 'txt', fileName: 'bericht.txt' });
    expect(article.language).toBe('de');
  });

  it('imports the seed article with its paragraphs intact and an inferred title', async () => {
    const seed = await readFile(join(seedsDir, 'microsoft-openai-de.txt'));
    const article = await importOne('microsoft-openai-de.txt', new Uint8Array(seed));
    const paragraphs = seed
      .toString('utf8')
      .split('\n')
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    // Its first line is prose, not a headline: the title is its first sentence, cut short.
    expect(article.title).toBe(
      'Die Aktien von Microsoft erleben derzeit einen spürbaren Rückgang, der Investoren und…',
    );
    const blockTexts = article.blocks.map((b) => article.text.slice(b.start, b.end));
    expect(blockTexts).toEqual(paragraphs);
    expect(article.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(article.text).toBe(paragraphs.join('\n\n'));
  });

  it('says "already in your library" for the same text, and imports it as a new version on request', async () => {
    const [first, again] = await choose({ 'a.txt': GERMAN, 'b.txt': `${GERMAN}\n` });
    const original = valueOf<ArticleAdded>(await importToken(first!.token));
    const duplicate = valueOf<ArticleAdded>(await importToken(again!.token));
    expect(duplicate).toEqual({ article: original.article, created: false });

    const version = valueOf<ArticleAdded>(
      await importToken(again!.token, { asNewVersionOf: original.article.id }),
    );
    expect(version.created).toBe(true);
    expect(version.article.versionOf).toBe(original.article.id);
    expect(version.article.id).not.toBe(original.article.id);
    const list = valueOf<ArticleSummary[]>(await call('articles:list'));
    expect(list.map((a) => a.id)).toEqual([version.article.id, original.article.id]);
  });

  it('imports pasted HTML through the HTML pipeline', async () => {
    const { article } = valueOf<ArticleAdded>(
      await call('articles:create', {
        text: 'Ausblick Umsatz steigt',
        html: '<h2>Ausblick</h2><ul><li>Umsatz steigt</li><li>Marge <a href="https://ir.example.com">stabil</a></li></ul><script>window.__pwned=1</script>',
      }),
    );
    const full = valueOf<Article>(await call('articles:get', { id: article.id }));
    expect(full.origin).toEqual({ kind: 'paste', format: 'html' });
    expect(full.blocks.map((b) => b.kind)).toEqual(['heading', 'listItem', 'listItem']);
    expect(full.text).not.toContain('pwned');
    expect(full.links).toEqual([expect.objectContaining({ href: 'https://ir.example.com/' })]);
  });

  it('imports a dropped file from its bytes', async () => {
    const { article } = valueOf<ArticleAdded>(
      await call('import:bytes', {
        name: 'notiz.md',
        bytes: new Uint8Array(Buffer.from('# Notiz zu SAP\n\nDie Cloud wächst um **25 %**.\n')),
        requestId: randomUUID(),
      }),
    );
    const full = valueOf<Article>(await call('articles:get', { id: article.id }));
    expect(full.title).toBe('Notiz zu SAP');
    expect(full.text).toBe('Notiz zu SAP\n\nDie Cloud wächst um 25 %.');
  });

  describe('bad files: a specific message each, and nothing in the data folder changes', () => {
    const PNG = new Uint8Array(makePng(16, 16)); // a real image, named .txt below
    it.each([
      ['empty.txt', new Uint8Array(), 'NO_TEXT', "Couldn't import 'empty.txt': the file is empty."],
      [
        'random.pdf',
        new Uint8Array(randomBytes(4000)),
        'DAMAGED_FILE',
        /^Couldn't import 'random\.pdf': the file is not a PDF/,
      ],
      [
        'random.docx',
        new Uint8Array(randomBytes(4000)),
        'DAMAGED_FILE',
        /^Couldn't import 'random\.docx': the file is not a Word document/,
      ],
      [
        'picture.txt',
        PNG,
        'UNSUPPORTED_FORMAT',
        "Couldn't import 'picture.txt': the file is named .txt but it is a PNG image.",
      ],
      [
        'table.xlsx',
        new Uint8Array(Buffer.from('x')),
        'UNSUPPORTED_FORMAT',
        /^Couldn't import 'table\.xlsx': \.xlsx files are not supported\. Margin imports/,
      ],
      [
        'no-article.html',
        '<html><body><nav><a href="/">Home</a></nav></body></html>',
        'NO_TEXT',
        "Couldn't import 'no-article.html': the page has no article text Margin could find.",
      ],
      [
        'fake.pdf',
        '%PDF-1.7\n1 0 obj garbage',
        'DAMAGED_FILE',
        "Couldn't import 'fake.pdf': the file is damaged or is not a PDF.",
      ],
      [
        'bomb.docx',
        makeZipBombDocx(300),
        'DAMAGED_FILE',
        /^Couldn't import 'bomb\.docx': the document expands to more than 200 MB/,
      ],
    ])('%s', async (name, content, code, message) => {
      await importOne('keep.txt', 'Ein Artikel, der bleibt. Er hat genug Text.');
      await library.articles.flush();
      const before = await snapshotFolder(dataDir);
      const [file] = await choose({ [name]: content });
      const result = await importToken(file!.token);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  });

  describe('from a web address', () => {
    let server: Awaited<ReturnType<typeof startLocalHttpServer>>;
    const page = `<html><head><title>Börse: Dämpfer für SAP nach schwacher Prognose | Beispiel-Zeitung</title></head><body><article><h1>Börse: Dämpfer für SAP nach schwacher Prognose</h1>
      <p>Die Aktie fiel am Montag um 3 € auf 212 €. Händler verwiesen auf die schwächere Prognose für das Cloudgeschäft.</p>
      <p>„Das Wachstum verlangsamt sich“, sagte ein Analyst der Bank. Die Erwartungen seien zu hoch gewesen, hieß es.</p>
      <p>Weitere Details nannte das Unternehmen nicht. Die Zahlen für das dritte Quartal folgen im Oktober.</p>
      </article></body></html>`;
    beforeAll(async () => {
      server = await startLocalHttpServer({
        '/boerse': (_req, res) =>
          res
            .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
            .end(iconv.encode(page, 'windows-1252')),
        '/moved': (_req, res) => res.writeHead(302, { location: '/boerse' }).end(),
        '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
        '/slow': () => undefined,
      });
    });
    afterAll(() => server.close());

    it('decodes with the charset from the header and keeps where it came from', async () => {
      const { article } = valueOf<ArticleAdded>(
        await call('import:url', { url: `${server.origin}/moved`, requestId: randomUUID() }),
      );
      const full = valueOf<Article>(await call('articles:get', { id: article.id }));
      expect(full.title).toBe('Börse: Dämpfer für SAP nach schwacher Prognose');
      expect(full.text).toContain('„Das Wachstum verlangsamt sich“');
      expect(full.url).toBe(`${server.origin}/boerse`);
      expect(full.origin).toEqual({
        kind: 'url',
        format: 'html',
        requestedUrl: `${server.origin}/moved`,
      });
    });

    it('refuses a redirect to file:// and says so, changing nothing', async () => {
      const before = await snapshotFolder(dataDir);
      const result = await call('import:url', {
        url: `${server.origin}/to-file`,
        requestId: randomUUID(),
      });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'FETCH_FAILED',
          message: `Couldn't import ${server.origin}/to-file: the server redirected to a file: address, which Margin refuses to open.`,
        },
      });
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });

    it('reports a 404 in plain words', async () => {
      const result = await call('import:url', {
        url: `${server.origin}/gone`,
        requestId: randomUUID(),
      });
      expect(result.ok || result.error.message).toBe(
        `Couldn't import ${server.origin}/gone: the server answered 404 Not Found: there is no page at that address.`,
      );
    });

    it('can be cancelled while it waits', async () => {
      const requestId = randomUUID();
      const pending = call('import:url', { url: `${server.origin}/slow`, requestId });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(valueOf(await call('import:cancel', { requestId }))).toEqual({ cancelled: true });
      const result = await pending;
      expect(result.ok || result.error.code).toBe('CANCELLED');
      expect(library.articles.list()).toHaveLength(0);
    });
  });

  it('saves corrected details in the index, where they survive a restart', async () => {
    const article = await importOne('a.txt', GERMAN);
    const update = {
      id: article.id,
      title: 'Munich Re: Dividende',
      source: 'Börsen-Zeitung',
      author: null,
      publishedAt: '2026-11-20',
      url: 'https://www.example.com/munich-re',
      language: 'de',
      tickers: ['MUV2.DE'],
    };
    valueOf(await call('articles:updateMetadata', update));
    await library.close();
    library = await openLibrary(dataDir, { logger });
    handlers = createMainHandlers({ library, seedsDir, parser, dialogs });
    const reopened = valueOf<Article>(await call('articles:get', { id: article.id }));
    expect(reopened).toMatchObject({ ...update, text: article.text });
    for (const bad of [{ title: '  ' }, { url: 'javascript:alert(1)' }]) {
      const refused = await call('articles:updateMetadata', { ...update, ...bad });
      expect(refused.ok || refused.error.code).toBe('INVALID_INPUT');
    }

    // A damaged index is rebuilt from the article folders, edits included.
    await library.close();
    await writeFile(join(dataDir, 'library.json'), '{"schemaVersion": 2, "articl');
    library = await openLibrary(dataDir, { logger });
    expect(library.status().notices).toEqual([expect.objectContaining({ file: 'library.json' })]);
    expect(library.articles.list()).toEqual([expect.objectContaining(update)]);
  });
});
