import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Page } from '@playwright/test';
import MarkdownIt from 'markdown-it';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import { startLocalHttpServer } from '../../electron/main/test-support/local-http-server';
import {
  CANARY_DIR,
  CANARY_FILE,
  CANARY_SECRET,
  hostileCases,
  hostileFilePath,
  PASSWD_MARKER,
  type HostileCase,
  type ImportPath,
} from '../fixtures/hostile/manifest';
import { expect, test, type AppFixture } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';

/**
 * The hostile corpus (e2e/fixtures/hostile/) through the real renderer: every case is
 * imported by one path, then every article is opened in the reader, highlighted, cited
 * in a memo that is opened in the editor, and exported with the memo. Throughout: no
 * script ran (`window.__pwned`, no dialog), the page asked no other host for anything,
 * no file outside the library was read, main kept answering, and the exported Markdown,
 * rendered by a Markdown viewer that passes raw HTML through, runs nothing either.
 * The Vitest suite (hostile-corpus.test.ts) runs every case through every path in main.
 */

const cases = hostileCases();
/**
 * The cases a path takes in the renderer tests. The open dialog takes every case; by URL
 * and paste (where the stored model is built by the same code, and every case is run in
 * main by hostile-corpus.test.ts) two of each group keep the renderer suite quick.
 */
function importing(path: ImportPath, perGroup = Infinity): HostileCase[] {
  const taken = new Map<string, number>();
  return cases.filter((c) => {
    if (!c.paths.includes(path)) return false;
    const n = taken.get(c.group) ?? 0;
    taken.set(c.group, n + 1);
    return n < perGroup;
  });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain',
  '.eml': 'message/rfc822',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

test.beforeAll(async () => {
  await mkdir(CANARY_DIR, { recursive: true });
  await writeFile(CANARY_FILE, CANARY_SECRET);
});

/** Records what must never happen while the page is open. */
function watchPage(page: Page, appOrigin: string) {
  const seen = { dialogs: [] as string[], requests: [] as string[], errors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    const origin = url.startsWith('data:') ? 'data:' : new URL(url).origin;
    if (origin !== appOrigin && origin !== 'data:') seen.requests.push(url);
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

type Call = <T>(domain: string, verb: string, input?: unknown) => Promise<T>;

/** One `window.workbench` call from the page; a refusal comes back as `{ error }`. */
function workbench(page: Page): Call {
  return (domain, verb, input) =>
    page.evaluate(
      async ([d, v, i]) => {
        const api = (window as unknown as { workbench: WorkbenchApi })
          .workbench as unknown as Record<
          string,
          Record<
            string,
            (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>
          >
        >;
        const answer = await api[d]![v]!(i);
        return (answer.ok ? answer.value : { error: answer.error }) as never;
      },
      [domain, verb, input] as const,
    );
}

const pwned = (page: Page) =>
  page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null);

/** Markdown rendered as a viewer would (raw HTML passed through), checked for live parts. */
const viewer = new MarkdownIt({ html: true, linkify: true });

/** The exported Markdown holds no live part: no script scheme, no raw markup, no secret. */
function expectInertMarkdown(markdown: string, name: string): string {
  expect(markdown, name).not.toContain(CANARY_SECRET);
  expect(markdown, name).not.toContain(PASSWD_MARKER);
  // No link or image destination with a scheme that runs or reads: [x](javascript:…).
  const destinations = [...markdown.matchAll(/\]\(\s*<?([^)\s>]*)/g)].map((m) => m[1]!);
  for (const destination of destinations) {
    expect(destination.toLowerCase(), name).not.toMatch(/^(javascript|vbscript|data|file):/);
  }
  const html = viewer.render(markdown);
  expect(html, name).not.toMatch(
    /<(script|iframe|object|embed|form|base|meta|link|style|svg|math)\b/i,
  );
  // Inside a tag, not in text (text arrives escaped, `&lt;img onerror=…` is words).
  expect(html, name).not.toMatch(/<[^>]*\son\w+\s*=/i);
  return html;
}

interface Imported {
  id: string;
  title: string;
}

/**
 * The part every path shares: open each article in the reader, highlight its first words,
 * cite every highlight in one memo, open the memo, export it and each article.
 */
async function openHighlightCiteExport(app: AppFixture, label: string) {
  const { page, main } = app;
  const outDir = await mkdtemp(join(tmpdir(), 'margin-hostile-exports-'));
  const call = workbench(page);
  const articles = await call<Imported[]>('articles', 'list');
  expect(articles.length).toBeGreaterThan(0);

  const highlightIds: string[] = [];
  for (const article of articles) {
    const full = await call<{ text: string }>('articles', 'get', { id: article.id });
    const end = Math.min(full.text.length, 60);
    if (end === 0) continue;
    const created = await call<{ highlight?: { id: string }; error?: unknown }>(
      'highlights',
      'create',
      {
        articleId: article.id,
        start: 0,
        end,
        claimClass: 'evidence',
        note: '<img src=x onerror="window.__pwned=\'note\'"> [n](javascript:alert(1))',
      },
    );
    expect(created.error, article.title).toBeUndefined();
    highlightIds.push(created.highlight!.id);
  }

  // Every article in the reader, with its highlight drawn over the hostile content.
  const list = page.getByRole('listbox', { name: 'Articles' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(articles.length);
  for (let i = 0; i < articles.length; i++) {
    await options.nth(i).click();
    await expect(options.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('main', { name: 'Reader' }).locator('article')).toBeVisible();
    expect(await pwned(page), `after opening ${articles[i]!.title}`).toBeNull();
  }

  // One memo citing every claim, opened in the editor.
  const memo = await call<{ id: string }>('memos', 'create', {
    title: `Hostile corpus (${label})`,
  });
  for (const highlightId of highlightIds) {
    const cited = await call<{ error?: unknown }>('memos', 'addCitation', {
      id: memo.id,
      highlightId,
      section: 'evidence',
    });
    expect(cited.error).toBeUndefined();
  }
  await page.keyboard.press('ControlOrMeta+Digit3');
  await page
    .getByRole('listbox', { name: 'Memos' })
    .getByRole('option', { name: new RegExp(`Hostile corpus \\(${label}\\)`) })
    .click();
  await expect(page.locator('.ProseMirror').first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(await pwned(page), 'after opening the memo').toBeNull();

  // The exports: the memo, and each article with its claims and full text.
  const exports: string[] = [];
  const memoFile = join(outDir, 'memo.md');
  main.dialogs.chooseSavePath(memoFile);
  const savedMemo = await call<{ error?: unknown }>('export', 'memoMarkdown', {
    id: memo.id,
    includeConvictionLog: true,
  });
  expect(savedMemo.error).toBeUndefined();
  exports.push(memoFile);
  for (const [i, article] of articles.entries()) {
    const file = join(outDir, `article-${i}.md`);
    main.dialogs.chooseSavePath(file);
    const saved = await call<{ error?: unknown }>('export', 'articleMarkdown', {
      articleId: article.id,
      includeFullText: true,
    });
    expect(saved.error, article.title).toBeUndefined();
    exports.push(file);
  }
  // Every export rendered as a viewer would, in one page with no CSP at all: nothing runs.
  const rendered: string[] = [];
  for (const file of exports)
    rendered.push(expectInertMarkdown(await readFile(file, 'utf8'), file));
  const viewerPage = await page.context().newPage();
  const viewerSeen = watchPage(viewerPage, 'null'); // about:blank's origin
  await viewerPage.setContent(
    `<!doctype html><meta charset="utf-8"><body>${rendered.join('<hr>')}</body>`,
  );
  await viewerPage.waitForTimeout(300);
  expect(await pwned(viewerPage)).toBeNull();
  expect(viewerSeen.dialogs).toEqual([]);
  expect(viewerSeen.requests).toEqual([]);
  await viewerPage.close();
  await rm(outDir, { recursive: true, force: true });
}

/** Nothing the corpus points at may be in the data folder: no canary file, no passwd. */
async function expectNoOutsideFileRead(app: AppFixture) {
  const call = workbench(app.page);
  const articles = await call<Imported[]>('articles', 'list');
  for (const article of articles) {
    const stored = JSON.stringify(await call('articles', 'get', { id: article.id }));
    expect(stored, article.title).not.toContain(CANARY_SECRET);
    expect(stored, article.title).not.toContain(PASSWD_MARKER);
  }
}

test.describe('the hostile corpus in the real renderer', () => {
  // The open dialog takes well over a hundred crafted files; each is opened and exported.
  test.setTimeout(300_000);

  test('through the open dialog (files and e-mails): nothing runs, nothing calls out', async ({
    app,
  }) => {
    const { page, main } = app;
    const seen = watchPage(page, new URL(page.url()).origin);
    const chosen = cases.filter((c) => c.paths.includes('file') || c.paths.includes('eml'));
    main.dialogs.choose(chosen.map(hostileFilePath));
    await page.keyboard.press('ControlOrMeta+KeyO');
    const dialog = page.getByRole('dialog', { name: 'Import articles' });
    await expect(dialog.getByRole('status')).toContainText(
      `Done: ${chosen.length} of ${chosen.length}`,
      { timeout: 180_000 },
    );
    // Each file's outcome: the crafted archives and bombs are refused with a reason, never
    // as a fault of Margin's; every other case is in the library.
    const items = await dialog.locator('.import-item').evaluateAll((rows) =>
      rows.map((row) => ({
        status: row.getAttribute('data-status'),
        text: (row as HTMLElement).innerText,
      })),
    );
    expect(items).toHaveLength(chosen.length);
    for (const c of chosen) {
      const item = items.find(({ text }) => text.includes(c.file));
      expect(item, c.id).toBeDefined();
      expect(item!.text, c.id).not.toMatch(/unexpected|bug in Margin|log file/i);
      if (c.expect === 'refused') expect(item!.status, c.id).toBe('failed');
      else expect(['imported', 'duplicate'], `${c.id}: ${item!.text}`).toContain(item!.status);
    }
    await page.keyboard.press('Escape');
    expect(await pwned(page)).toBeNull();

    await openHighlightCiteExport(app, 'files');
    await expectNoOutsideFileRead(app);
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });

  test('two of each group through a URL (a local server): only the page itself is fetched, nothing runs', async ({
    app,
  }) => {
    const { page } = app;
    const seen = watchPage(page, new URL(page.url()).origin);
    const viaUrl = importing('url', 2);
    const server = await startLocalHttpServer(
      Object.fromEntries(
        viaUrl.map((c) => [
          `/${c.file}`,
          async (_req, res) => {
            const type = CONTENT_TYPES[extname(c.file)] ?? 'application/octet-stream';
            res.writeHead(200, { 'content-type': type }).end(await readFile(hostileFilePath(c)));
          },
        ]),
      ),
    );
    try {
      const call = workbench(page);
      for (const c of viaUrl) {
        const added = await call<{ error?: { code: string } }>('import', 'url', {
          url: `${server.origin}/${c.file}`,
          requestId: crypto.randomUUID(),
        });
        if (c.expect === 'refused') {
          expect(added.error?.code, c.id).toBeDefined();
        }
        expect(added.error?.code, c.id).not.toBe('INTERNAL');
      }
      // Main fetched each page once, and nothing a page refers to.
      expect([...server.requests].sort()).toEqual(viaUrl.map((c) => `/${c.file}`).sort());
      await page.reload();
      await openHighlightCiteExport(app, 'URL');
      await expectNoOutsideFileRead(app);
      expect([...server.requests].sort()).toEqual(viaUrl.map((c) => `/${c.file}`).sort());
    } finally {
      await server.close();
    }
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });

  test('two of each group pasted (text, or markup as the clipboard’s HTML): nothing runs, nothing calls out', async ({
    app,
  }) => {
    const { page } = app;
    const seen = watchPage(page, new URL(page.url()).origin);
    const call = workbench(page);
    for (const c of importing('paste', 2)) {
      const content = await readFile(hostileFilePath(c), 'utf8');
      const input =
        extname(c.file) === '.html'
          ? { text: `Eingefügt: ${c.id}`, html: content }
          : { text: content };
      const added = await call<{ error?: { code: string } }>('articles', 'create', input);
      expect(added.error?.code, c.id).not.toBe('INTERNAL');
    }
    await page.reload();
    await openHighlightCiteExport(app, 'paste');
    // What the analyst sees of a page full of traps: its words, its highlight, nothing else.
    await page.keyboard.press('ControlOrMeta+Digit1');
    const hostile = page
      .getByRole('listbox', { name: 'Articles' })
      .getByRole('option', { name: /url-js-entities/ })
      .first();
    await hostile.click();
    await expect(page.getByRole('main', { name: 'Reader' }).locator('article')).toContainText(
      'ordinary prose',
    );
    await page.screenshot({ path: join(screenshotsDir, 'reader-hostile-article.png') });
    await expectNoOutsideFileRead(app);
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
  });
});
