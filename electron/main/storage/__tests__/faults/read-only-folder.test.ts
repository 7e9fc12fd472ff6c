import { randomUUID } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Article, ArticleSummary } from '../../../../../shared/domain/article';
import type { Highlight } from '../../../../../shared/domain/highlight';
import type { LibraryStatus } from '../../../../../shared/domain/library-status';
import type { Memo } from '../../../../../shared/domain/memo';
import { newMemo } from '../../../features/memos/new-memo';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { openLibrary } from '../../open-library';
import { bundleLibraryChild } from './bundle-library-child';
import { childLaunch } from './child-launch';
import { memoDocWith } from './memo-doc-with';
import { pastedArticle } from './pasted-article';
import { sampleHighlight } from './sample-highlight';
import { startLibraryChild, type LibraryChild } from './start-library-child';
import { findUnprivilegedRunner } from './unprivileged-runner';

const seedText = await readFile(
  join(import.meta.dirname, '../../../../../seeds/microsoft-openai-de.txt'),
  'utf8',
);

const runner = findUnprivilegedRunner();
if (runner.reason) console.warn(`read-only-folder: skipped: ${runner.reason}`);

/** Sets every folder below `dir` (and `dir`) to `dirMode`, every file to `fileMode`. */
async function chmodTree(dir: string, dirMode: number, fileMode: number): Promise<void> {
  await chmod(dir, dirMode);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? dirMode : fileMode);
  }
}

describe.skipIf(runner.reason !== undefined)('a data folder Margin may not write', () => {
  let bundle: string;
  let removeBundle: () => Promise<void>;
  let root: string;
  let dataDir: string;
  const children: LibraryChild[] = [];

  /** A library child running as `nobody` (from the bundle: it may not read this checkout). */
  const startAsNobody = () => {
    if (runner.reason !== undefined) throw new Error(runner.reason);
    const child = startLibraryChild(childLaunch(bundle, { asUser: runner.prefix }));
    children.push(child);
    return child;
  };

  beforeAll(async () => ({ bundle, cleanup: removeBundle } = await bundleLibraryChild()));
  afterAll(() => removeBundle());

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'margin-read-only-'));
    await chmod(root, 0o755); // nobody must reach the library inside
    dataDir = join(root, 'library');
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.kill('SIGKILL')));
    await chmodTree(root, 0o700, 0o600);
    await rm(root, { recursive: true, force: true });
  });

  // Waits on the read-only open (openLibrary falling back to read-only when it cannot
  // create its lock file); until that lands, the open itself fails with EACCES.
  it('opens read-only, says why, reads everything, refuses every write, changes nothing', async () => {
    const library = await openLibrary(dataDir, { logger: collectingLogger() });
    const { article } = await library.articles.insert(await pastedArticle(seedText));
    const highlights = [
      sampleHighlight(article.id, 'Marge'),
      sampleHighlight(article.id, 'Risiko'),
    ];
    for (const highlight of highlights) await library.annotations.saveHighlight(highlight);
    const memo = await library.memos.create(newMemo({ ticker: 'MSFT' }, randomUUID(), new Date()));
    const saved = await library.memos.save(
      memo.id,
      0,
      { title: memo.title, doc: memoDocWith(['Azure carries the growth.']) },
      new Date(),
    );
    const articleText = (await library.articles.get(article.id)).text;
    await library.close();
    // Readable by everyone, writable by root only: as a shared or locked-down folder is.
    await chmodTree(dataDir, 0o755, 0o644);
    const before = await snapshotFolder(dataDir);

    const child = startAsNobody();
    const opened = await child.request<LibraryStatus>({ op: 'open', dataDir });
    expect(opened, 'the library opens instead of failing').toMatchObject({ ok: true });
    const status = (opened as { value: LibraryStatus }).value;
    expect(status.readOnlyReason).toMatch(/not allowed to write|read-only/i);
    expect(status.readOnlyReason, 'plain words, no error codes').not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(status).toMatchObject({ articleCount: 1, notices: [] });

    const articles = await child.value<ArticleSummary[]>({ op: 'listArticles' });
    expect(articles.map((a) => a.id)).toEqual([article.id]);
    const read = await child.value<Article>({ op: 'readArticle', articleId: article.id });
    expect(read.text).toBe(articleText);
    expect(await child.value<Highlight[]>({ op: 'listHighlights', articleId: article.id })).toEqual(
      highlights,
    );
    expect(await child.value<Memo>({ op: 'getMemo', memoId: memo.id })).toMatchObject({
      version: saved.version,
      doc: memoDocWith(['Azure carries the growth.']),
    });

    const refusal = { ok: false, error: { appError: true, code: 'STORE_READ_ONLY' } };
    expect(
      await child.request({
        op: 'saveHighlight',
        highlight: sampleHighlight(article.id, 'neu'),
      }),
    ).toMatchObject(refusal);
    expect(
      await child.request({
        op: 'saveMemo',
        memoId: memo.id,
        baseVersion: saved.version,
        paragraphs: ['Not saved.'],
      }),
    ).toMatchObject(refusal);
    expect(
      await child.request({
        op: 'insertArticle',
        article: await pastedArticle('Ein neuer Artikel.'),
      }),
    ).toMatchObject(refusal);
    expect(await child.request({ op: 'close' })).toMatchObject({ ok: true });
    expect(await child.end()).toEqual({ code: 0, signal: null });

    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('refuses a save once the folder turns read-only mid-session, keeping what was saved', async () => {
    await mkdir(dataDir, { mode: 0o700 });
    if (runner.reason === undefined) await chown(dataDir, runner.uid, runner.gid);
    const child = startAsNobody();
    const status = await child.value<LibraryStatus>({ op: 'open', dataDir });
    expect(status.readOnlyReason).toBeNull();
    const article = await child.value<ArticleSummary>({
      op: 'insertArticle',
      article: await pastedArticle(seedText),
    });
    const highlights = [
      sampleHighlight(article.id, 'Marge'),
      sampleHighlight(article.id, 'Risiko'),
    ];
    for (const highlight of highlights) await child.value({ op: 'saveHighlight', highlight });
    const memo = await child.value<Memo>({ op: 'createMemo', ticker: 'MSFT' });
    await child.value({
      op: 'saveMemo',
      memoId: memo.id,
      baseVersion: 0,
      paragraphs: ['Azure carries the growth.'],
    });
    const before = await snapshotFolder(dataDir);

    // The child waits for its next request (on stdin) while root takes the write away.
    const articleDir = join(dataDir, 'articles', article.id);
    await chmod(articleDir, 0o555);
    const late = sampleHighlight(article.id, 'too late');
    const failed = await child.request({ op: 'saveHighlight', highlight: late });
    expect(failed).toMatchObject({
      ok: false,
      error: {
        appError: true,
        code: 'STORE_WRITE_FAILED',
        message: expect.stringContaining('not allowed to write'),
      },
    });
    expect(await child.value<Highlight[]>({ op: 'listHighlights', articleId: article.id })).toEqual(
      highlights,
    );
    expect(await snapshotFolder(dataDir)).toEqual(before);

    // Once the folder can be written again, the same save goes through.
    await chmod(articleDir, 0o700);
    await child.value({ op: 'saveHighlight', highlight: late });
    expect(await child.value<Highlight[]>({ op: 'listHighlights', articleId: article.id })).toEqual(
      [...highlights, late],
    );
    await child.value({ op: 'close' });
    expect(await child.end()).toEqual({ code: 0, signal: null });
  });
});
