import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../../../shared/domain/article';
import type { Highlight } from '../../../../../shared/domain/highlight';
import type { Memo } from '../../../../../shared/domain/memo';
import { newMemo } from '../../../features/memos/new-memo';
import { collectingLogger } from '../../../test-support/collecting-logger';
import { snapshotFolder } from '../../../test-support/folder-snapshot';
import { openLibrary } from '../../open-library';
import { bundleLibraryChild } from './bundle-library-child';
import { childLaunch } from './child-launch';
import type { ChildRequest } from './library-child-protocol';
import { memoDocWith } from './memo-doc-with';
import { pastedArticle } from './pasted-article';
import { sampleHighlight } from './sample-highlight';
import { startLibraryChild, type ChildLaunch, type LibraryChild } from './start-library-child';

const seedText = await readFile(
  join(import.meta.dirname, '../../../../../seeds/microsoft-openai-de.txt'),
  'utf8',
);

/** The child may not grow any file past this; the annotations file is already larger. */
const LIMIT_KIB = 32;

/** What the library holds before the failing write: everything must still be there after. */
interface Content {
  articles: ArticleSummary[];
  highlights: Highlight[];
  memo: Memo;
}

/** An article, highlights filling about 75 KB of annotations, and a saved memo. */
async function buildLibrary(dataDir: string): Promise<Content> {
  const library = await openLibrary(dataDir, { logger: collectingLogger() });
  const { article } = await library.articles.insert(await pastedArticle(seedText));
  for (let i = 0; i < 8; i++) {
    await library.annotations.saveHighlight(
      sampleHighlight(article.id, `${i} ${'Marge '.repeat(1500)}`),
    );
  }
  const created = await library.memos.create(newMemo({ ticker: 'MSFT' }, randomUUID(), new Date()));
  await library.memos.save(
    created.id,
    0,
    { title: 'MSFT investment memo', doc: memoDocWith(['Azure carries the growth.']) },
    new Date(),
  );
  const content = {
    articles: [...library.articles.list()],
    highlights: await library.annotations.listHighlights(article.id),
    memo: await library.memos.get(created.id),
  };
  await library.close();
  return content;
}

/** The writes that cannot fit, each far beyond the limit or the space left. */
const tooBig: [string, (content: Content) => ChildRequest | Promise<ChildRequest>][] = [
  [
    'a memo autosave of about 80 KB',
    ({ memo }) => ({
      op: 'saveMemo',
      memoId: memo.id,
      baseVersion: memo.version,
      paragraphs: Array.from({ length: 40 }, (_, i) => `${i} ${'Azure wächst. '.repeat(140)}`),
    }),
  ],
  [
    'an article import of about 75 KB',
    async () => ({
      op: 'insertArticle',
      article: await pastedArticle(
        Array.from({ length: 15 }, (_, i) => `Teil ${i}\n\n${seedText}`).join('\n\n'),
      ),
    }),
  ],
  [
    'a highlight saved into a 75 KB annotations file',
    ({ articles }) => ({
      op: 'saveHighlight',
      highlight: sampleHighlight(articles[0]!.id, 'one more'),
    }),
  ],
];

/** The library as a child sees it (read through the real storage layer). */
async function contentSeenBy(child: LibraryChild, { articles, memo }: Content): Promise<Content> {
  return {
    articles: await child.value({ op: 'listArticles' }),
    highlights: await child.value({ op: 'listHighlights', articleId: articles[0]!.id }),
    memo: await child.value({ op: 'getMemo', memoId: memo.id }),
  };
}

/**
 * Opens the library in a child started by `launch`, attempts `write`, and reports the
 * answer and what the child's library holds afterwards (its memory must not have moved
 * ahead of the disk). Closes cleanly: the lock is released, nothing else is written.
 */
async function attemptInChild(
  launch: ChildLaunch,
  dataDir: string,
  content: Content,
  write: ChildRequest,
) {
  const child = startLibraryChild(launch);
  try {
    await child.value({ op: 'open', dataDir });
    const answer = await child.request(write);
    const after = await contentSeenBy(child, content);
    await child.value({ op: 'close' });
    expect(await child.end()).toEqual({ code: 0, signal: null });
    return { answer, after };
  } finally {
    await child.kill('SIGKILL');
  }
}

/** The checks every failed write must pass, whatever stopped it. */
async function expectRefusedCleanly(
  dataDir: string,
  content: Content,
  launch: ChildLaunch,
  write: ChildRequest,
  cause: RegExp,
): Promise<void> {
  const before = await snapshotFolder(dataDir);
  const { answer, after } = await attemptInChild(launch, dataDir, content, write);

  expect(answer).toMatchObject({
    ok: false,
    error: { appError: true, code: 'STORE_WRITE_FAILED', message: expect.stringMatching(cause) },
  });
  const { message } = (answer as { error: { message: string } }).error;
  expect(message, 'plain words, no error codes').not.toMatch(/\bE[A-Z]{3,}\b/);
  expect(message).toMatch(/^Couldn't save .+ Nothing was changed/);
  expect(after).toEqual(content);

  // Every file byte for byte as it was, and no temp file or staging folder left over.
  expect(await snapshotFolder(dataDir)).toEqual(before);
  const library = await openLibrary(dataDir, { logger: collectingLogger() });
  try {
    expect(library.status()).toMatchObject({ readOnlyReason: null, notices: [], articleCount: 1 });
    expect(library.articles.list()).toEqual(content.articles);
    expect(await library.annotations.listHighlights(content.articles[0]!.id)).toEqual(
      content.highlights,
    );
    expect(await library.memos.get(content.memo.id)).toEqual(content.memo);
  } finally {
    await library.close();
  }
}

let bundle: string;
let removeBundle: () => Promise<void>;
beforeAll(async () => ({ bundle, cleanup: removeBundle } = await bundleLibraryChild()));
afterAll(() => removeBundle());

describe.runIf(process.platform === 'linux')(
  `in a process that may not grow a file past ${LIMIT_KIB} KiB (ulimit -f: EFBIG)`,
  () => {
    // One library for every case: each refused write must leave it byte for byte as it was.
    let root: string;
    let dataDir: string;
    let content: Content;
    const limited = () => childLaunch(bundle, { fileSizeLimitKiB: LIMIT_KIB });

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'margin-file-size-limit-'));
      dataDir = join(root, 'library');
      content = await buildLibrary(dataDir);
    });
    afterAll(() => rm(root, { recursive: true, force: true }));

    it.each(tooBig)('refuses %s, says why in plain words, and changes nothing', async (_, write) =>
      expectRefusedCleanly(
        dataDir,
        content,
        limited(),
        await write(content),
        /file would be larger|file is too large|too large|larger than/i,
      ),
    );

    it('still saves what fits under the limit: only size trips it', async () => {
      const child = startLibraryChild(limited());
      try {
        await child.value({ op: 'open', dataDir });
        const saved = await child.value({
          op: 'saveMemo',
          memoId: content.memo.id,
          baseVersion: content.memo.version,
          paragraphs: ['Short and fits.'],
        });
        expect(saved).toMatchObject({ version: content.memo.version + 1 });
        await child.value({ op: 'close' });
        expect(await child.end()).toEqual({ code: 0, signal: null });
      } finally {
        await child.kill('SIGKILL');
      }
    });
  },
);

/** Whether this process may mount a small tmpfs: a real disk that really fills up. */
function canMountTmpfs(): string | null {
  if (process.platform !== 'linux') return 'tmpfs is Linux only';
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const probe = mkdtempSync(join(tmpdir(), 'margin-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'margin-probe', probe], {
      stdio: 'ignore',
    });
    execFileSync('umount', [probe]);
    return null;
  } catch {
    return 'mount -t tmpfs is not permitted here (no CAP_SYS_ADMIN)';
  } finally {
    rmdirSync(probe);
  }
}

const cannotMount = canMountTmpfs();
if (cannotMount) console.warn(`disk-full: skipping the full-disk (ENOSPC) cases: ${cannotMount}`);

describe.skipIf(cannotMount !== null)('on a disk that is full (a 1 MiB tmpfs: ENOSPC)', () => {
  let root: string;
  let dataDir: string;
  let content: Content;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'margin-disk-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'margin-full', root]);
    dataDir = join(root, 'library');
    content = await buildLibrary(dataDir);
    // Fill the disk but for 16 KiB: enough to open the library (its lock file), not to save.
    const { bavail, bsize } = await statfs(root);
    await mkdir(join(root, 'other'));
    await writeFile(join(root, 'other', 'filler'), Buffer.alloc(bavail * bsize - 16 * 1024));
  });
  afterAll(async () => {
    execFileSync('umount', [root]);
    await rm(root, { recursive: true, force: true });
  });

  it.each(tooBig)('refuses %s, says the disk is full, and changes nothing', async (_, write) =>
    expectRefusedCleanly(
      dataDir,
      content,
      childLaunch(bundle),
      await write(content),
      /disk is full/i,
    ),
  );
});
