import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANARY_DIR,
  CANARY_FILE,
  CANARY_HOST,
  CANARY_SECRET,
  HOSTILE_DIR,
  HostileGroup,
  PASSWD_MARKER,
  hostileCases,
  hostileFilePath,
  type HostileCase,
} from '../../../../../e2e/fixtures/hostile/manifest';
import type { Article, ArticleAdded } from '../../../../../shared/domain/article';
import type { ChosenFile } from '../../../../../shared/domain/import-request';
import type { LibraryStatus } from '../../../../../shared/domain/library-status';
import type { Envelope } from '../../../../../shared/ipc/envelope';
import { ErrorCode } from '../../../../../shared/ipc/error-codes';
import { STAGING_PREFIX } from '../../../storage/library-layout';
import { valueOf } from '../../../test-support/envelope-of';
import { startLocalHttpServer } from '../../../test-support/local-http-server';
import { mainHarness, type MainHarness } from '../../../test-support/main-harness';
import { createTestParserPool } from '../../../test-support/test-parser-pool';

/**
 * Every file of the hostile corpus (e2e/fixtures/hostile) through every import path it
 * fits, over the real main-process handlers and a real data folder per path: pasted,
 * chosen in the open dialog, and served over HTTP. An import either
 * stores an inert article (no script, handler, dangerous link or canary in it, no local
 * secret anywhere on disk) or is refused with a typed error that leaves nothing behind.
 */

/**
 * One data folder per way in, so each path stores its own article, never a duplicate of
 * another path's. An `eml` case goes the file way. (Dropping runs the same code as the
 * file path once the bytes are in main, so it gets no lane of its own.)
 */
type Lane = 'paste' | 'file' | 'url';
const LANES: readonly Lane[] = ['paste', 'file', 'url'];

/** Longer than any honest import here; the parser pool's own limit is 120 s. */
const WATCHDOG_MS = 30_000;
/** The parser pool's size: more imports at once would only queue, eating their watchdog time. */
const CONCURRENT_IMPORTS = 2;

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  txt: 'text/plain',
  md: 'text/markdown',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  eml: 'message/rfc822',
};

/** Which import paths a file of each kind can take. */
const PATHS_BY_EXTENSION: Readonly<Record<string, readonly string[]>> = {
  html: ['paste', 'file', 'url'],
  txt: ['paste', 'file', 'url'],
  md: ['paste', 'file', 'url'],
  pdf: ['file', 'url'],
  docx: ['file', 'url'],
  eml: ['eml', 'url'],
};

/** Markup that must never come out of markup as text (it would mean it was escaped, not parsed). */
const MARKUP =
  /<\/?(?:script|iframe|object|embed|form|base|meta|link|style|img|svg|math|video|audio|input|template|noscript)\b/i;
const HANDLER = /\son[a-z]+\s*=/i;
const SCRIPT_SCHEME = /(?:java|vb)script\s*:/i;

/** Names the zip-slip and attachment cases try to write to. */
const ESCAPE_NAMES = ['margin-hostile-evil', 'margin-hostile-evil.txt', 'margin-hostile-evil.html'];

const cases = hostileCases();
const extensionOf = (file: string) => file.slice(file.lastIndexOf('.') + 1);
const casePath = (hostile: HostileCase) => `/case/${hostile.id}/${hostile.file}`;

function laneOf(path: HostileCase['paths'][number]): Lane {
  return path === 'eml' ? 'file' : path;
}

/**
 * How to judge markup-like text in what was stored. `strict`: the source's markup was
 * parsed, so none may come out as text. `literal`: the source is text as written (a
 * `.txt` file, pasted Markdown, or an inert-text case in a text format), so what is
 * stored may show only what the source spells out itself: an import must not make any
 * up. `none`: an inert-text case whose source is binary or encoded (PDF, Word, e-mail).
 */
function textCheck(hostile: HostileCase, lane: Lane): 'strict' | 'literal' | 'none' {
  const extension = extensionOf(hostile.file);
  const plain = extension === 'txt' || (lane === 'paste' && extension !== 'html');
  if (!hostile.inertText && !plain) return 'strict';
  return ['txt', 'md', 'html'].includes(extension) ? 'literal' : 'none';
}

/** Runs at most `limit` tasks at a time, in the order given. */
function limited(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** `work`, or a failure naming the case when it takes too long (`onTimeout` cleans up). */
async function withWatchdog<T>(label: string, work: Promise<T>, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${label}: no answer within ${WATCHDOG_MS / 1000} s`));
    }, WATCHDOG_MS);
  });
  try {
    return await Promise.race([work, watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Every file under `dir` whose bytes contain one of `needles`. Files read before with the
 * same size and time are skipped (`seen`), so each check reads only what changed since.
 */
async function filesContaining(
  dir: string,
  needles: readonly string[],
  seen: Map<string, string>,
): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    // A rolling copy lands in the background: its temp file may be renamed away between
    // listing and reading (its final name is read by a later check, and it copies a file
    // this check reads anyway).
    const gone = (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    };
    const stats = await stat(path).catch(gone);
    if (!stats) continue;
    if (seen.get(path) === `${stats.size}:${stats.mtimeMs}`) continue;
    const bytes = await readFile(path).catch(gone);
    if (!bytes) continue;
    seen.set(path, `${stats.size}:${stats.mtimeMs}`);
    const content = bytes.toString('latin1');
    for (const needle of needles) if (content.includes(needle)) found.push(`${path}: ${needle}`);
  }
  return found;
}

async function stagingLeftovers(dataDir: string): Promise<string[]> {
  const articles = join(dataDir, 'articles');
  if (!existsSync(articles)) return [];
  return (await readdir(articles)).filter((name) => name.startsWith(STAGING_PREFIX));
}

describe('the hostile corpus', () => {
  it('has at least 70 cases covering every group, and manifest.json matches the files on disk', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
    expect(new Set(cases.map((c) => c.group))).toEqual(new Set(HostileGroup.options));
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect((await readdir(HOSTILE_DIR)).sort()).toEqual(cases.map((c) => c.file).sort());
    for (const hostile of cases) {
      expect(hostile.file, hostile.id).toBe(`${hostile.id}.${extensionOf(hostile.file)}`);
      const fits = PATHS_BY_EXTENSION[extensionOf(hostile.file)] ?? [];
      for (const path of hostile.paths) expect(fits, `${hostile.id} via ${path}`).toContain(path);
    }
  });
});

describe('importing the hostile corpus', () => {
  const parser = createTestParserPool();
  const now = () => new Date('2026-11-25T09:00:00Z');
  const lanes = Object.fromEntries(
    LANES.map((lane) => [lane, mainHarness({ parser, now })]),
  ) as Record<Lane, MainHarness>;
  let server: Awaited<ReturnType<typeof startLocalHttpServer>>;
  const slot = limited(CONCURRENT_IMPORTS);
  const scanned = new Map<string, string>();

  beforeAll(async () => {
    await mkdir(CANARY_DIR, { recursive: true });
    await writeFile(CANARY_FILE, `${CANARY_SECRET}\n`);
    const routes = Object.fromEntries(
      cases.map((hostile) => [
        casePath(hostile),
        (_request: IncomingMessage, response: ServerResponse) => {
          // No charset parameter: the page's own BOM and meta decide, as the cases intend.
          void readFile(hostileFilePath(hostile)).then((bytes) =>
            response
              .writeHead(200, { 'content-type': MEDIA_TYPES[extensionOf(hostile.file)]! })
              .end(bytes),
          );
        },
      ]),
    );
    server = await startLocalHttpServer(routes);
    await Promise.all(LANES.map((lane) => lanes[lane].start()));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(LANES.map((lane) => lanes[lane].cleanup()));
    await server.close();
    await parser.close();
  });

  /** One import of the case through one lane, as the renderer would make it. */
  async function importVia(
    lane: Lane,
    hostile: HostileCase,
    requestId: string,
  ): Promise<Envelope<unknown>> {
    const { call, dialogs } = lanes[lane];
    const path = hostileFilePath(hostile);
    switch (lane) {
      case 'paste': {
        const content = await readFile(path, 'utf8');
        // The clipboard's text flavour; it must not be what gets imported from HTML.
        return extensionOf(hostile.file) === 'html'
          ? call('articles:create', {
              text: `Clipboard text flavour (${hostile.id}).`,
              html: content,
            })
          : call('articles:create', { text: content });
      }
      case 'file': {
        dialogs.choose([path]);
        const [chosen] = valueOf<ChosenFile[]>(await call('import:chooseFiles'));
        return call('import:file', { token: chosen!.token, requestId });
      }
      case 'url':
        return call('import:url', { url: `${server.origin}${casePath(hostile)}`, requestId });
    }
  }

  async function expectInertArticle(
    hostile: HostileCase,
    lane: Lane,
    envelope: Envelope<unknown>,
  ): Promise<void> {
    const label = `${hostile.id} via ${lane}`;
    expect(envelope, label).toMatchObject({ ok: true });
    const { article: summary } = valueOf<ArticleAdded>(envelope);
    const article = valueOf<Article>(await lanes[lane].call('articles:get', { id: summary.id }));
    // The article came from the case's own content (not a fallback), so the checks below mean something.
    expect(article.text.toLowerCase(), label).toContain(`hostile case ${hostile.id}`);

    for (const link of article.links) {
      expect(link.href, label).toMatch(/^(?:https?:\/\/|mailto:)/i);
      expect(['http:', 'https:', 'mailto:'], label).toContain(new URL(link.href).protocol);
      expect(link.href, label).not.toMatch(SCRIPT_SCHEME);
      // Canary URLs are only ever subresources or bases in the corpus, never link targets.
      expect(link.href, label).not.toContain(CANARY_HOST);
    }
    if (article.url !== null) {
      expect(article.url, label).toMatch(/^https?:\/\//i);
      expect(article.url, label).not.toContain(CANARY_HOST);
    }
    const check = textCheck(hostile, lane);
    if (check === 'none') return;
    const visible = [article.title, article.author, article.source, article.text].join('\n');
    const suspicious = [
      MARKUP,
      HANDLER,
      SCRIPT_SCHEME,
      new RegExp(CANARY_HOST.replace(/\./g, '\\.')),
    ];
    if (check === 'literal') {
      const source = await readFile(hostileFilePath(hostile), 'utf8');
      for (const pattern of suspicious) {
        const found = visible.match(new RegExp(pattern.source, 'gi')) ?? [];
        for (const match of found) {
          expect(source, `${label}: made up ${match}`).toContain(match.trim());
        }
      }
    } else {
      // Markup was parsed as markup: none of it may come out as text. (The payloads' own
      // words, `window.__pwned=…`, may: text is never run, and unknown elements keep theirs.)
      for (const pattern of suspicious) expect(visible, label).not.toMatch(pattern);
    }
  }

  async function expectTypedRefusal(
    hostile: HostileCase,
    lane: Lane,
    envelope: Envelope<unknown>,
    countBefore: number,
  ): Promise<void> {
    const label = `${hostile.id} via ${lane}`;
    expect(envelope.ok, `${label}: ${JSON.stringify(envelope)}`).toBe(false);
    if (envelope.ok) return;
    expect(ErrorCode.options, label).toContain(envelope.error.code);
    expect(envelope.error.code, `${label}: ${envelope.error.message}`).not.toBe('INTERNAL');
    expect(envelope.error.message.trim(), label).not.toBe('');
    const status = valueOf<LibraryStatus>(await lanes[lane].call('library:status'));
    expect(status.articleCount, label).toBe(countBefore);
    expect(await stagingLeftovers(lanes[lane].dataDir), label).toEqual([]);
  }

  describe.each(HostileGroup.options)('%s', (group) => {
    it.each(cases.filter((c) => c.group === group))(
      '$id ($expect): $note',
      async (hostile) => {
        const used = hostile.paths.map(laneOf);
        const counts = new Map<Lane, number>();
        for (const lane of used) {
          const status = valueOf<LibraryStatus>(await lanes[lane].call('library:status'));
          counts.set(lane, status.articleCount);
        }

        const outcomes = await Promise.all(
          used.map((lane) =>
            slot(async () => {
              const requestId = randomUUID();
              const envelope = await withWatchdog(
                `${hostile.id} via ${lane}`,
                importVia(lane, hostile, requestId),
                // Frees the parser worker for the next cases (a paste cannot be cancelled).
                () => void lanes[lane].call('import:cancel', { requestId }),
              );
              return { lane, envelope };
            }),
          ),
        );

        for (const { lane, envelope } of outcomes) {
          if (hostile.expect === 'imports') await expectInertArticle(hostile, lane, envelope);
          else await expectTypedRefusal(hostile, lane, envelope, counts.get(lane)!);
        }
        for (const lane of used) {
          // Main still answers, and no local secret reached the data folder in any file.
          expect(await lanes[lane].call('library:status'), lane).toMatchObject({ ok: true });
          expect(
            await filesContaining(lanes[lane].dataDir, [CANARY_SECRET, PASSWD_MARKER], scanned),
          ).toEqual([]);
        }
        if (used.includes('url')) {
          // The page itself, once: nothing it references was fetched from its server.
          const seen = server.requests.filter((r) => r.startsWith(`/case/${hostile.id}/`));
          expect(seen).toEqual([casePath(hostile)]);
        }
      },
      // Three lanes run in two rounds, each round under its own watchdog.
      2 * WATCHDOG_MS + 15_000,
    );
  });

  it('fetched nothing but the case files, and wrote nothing outside the data folders', () => {
    const served = new Set(cases.map(casePath));
    expect(server.requests.filter((r) => !served.has(r))).toEqual([]);
    const places = [
      '/tmp',
      process.cwd(),
      resolve(process.cwd(), '../..'),
      ...LANES.map((lane) => resolve(lanes[lane].dataDir, '../..')),
    ];
    for (const place of places) {
      for (const name of ESCAPE_NAMES) expect(existsSync(join(place, name)), place).toBe(false);
    }
    expect(existsSync(resolve(process.cwd(), '../../evil.txt'))).toBe(false);
  });
});
