import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../../../shared/domain/article';
import type { WatchlistEntry } from '../../../../../shared/domain/company';
import type { Highlight } from '../../../../../shared/domain/highlight';
import type { Memo } from '../../../../../shared/domain/memo';
import type { LibraryStatus } from '../../../../../shared/domain/library-status';
import { createTempDataDir } from '../../../test-support/temp-data-dir';
import { TEMP_FILE_PATTERN } from '../../durable-write';
import { bundleLibraryChild } from './bundle-library-child';
import { childLaunch } from './child-launch';
import type { ChildEvent, ChurnOp } from './library-child-protocol';
import { pastedArticle } from './pasted-article';
import { pollStoreFiles } from './poll-store-files';
import { startLibraryChild, type LibraryChild } from './start-library-child';

const seedText = await readFile(
  join(import.meta.dirname, '../../../../../seeds/microsoft-openai-de.txt'),
  'utf8',
);

type Stream = ChurnOp['stream'];
type OpOf<S extends Stream> = Extract<ChurnOp, { stream: S }>;

/**
 * What the writer acknowledged on one stream, and the one write it had started but not
 * acknowledged when it died (each stream writes one thing at a time).
 */
function writesOf<S extends Stream>(
  events: readonly ChildEvent[],
  stream: S,
): { done: OpOf<S>[]; inFlight: OpOf<S> | null } {
  const mine = events.filter((e) => e.op.stream === stream);
  const done = mine.filter((e) => e.event === 'done').map((e) => e.op as OpOf<S>);
  const last = mine.at(-1);
  return { done, inFlight: last?.event === 'begin' ? (last.op as OpOf<S>) : null };
}

/** The article's highlights after `ops`, in file order. */
function highlightsAfter(ops: readonly OpOf<'highlights'>[]): Highlight[] {
  const state = new Map<string, Highlight>();
  for (const op of ops) {
    if (op.kind === 'save') state.set(op.highlight.id, op.highlight);
    if (op.kind === 'update') {
      state.set(op.id, { ...state.get(op.id)!, note: op.note, updatedAt: op.updatedAt });
    }
    if (op.kind === 'delete') state.delete(op.id);
  }
  return [...state.values()];
}

/** Every file below `dir` named like a durable write's temp file. */
async function tempFilesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && TEMP_FILE_PATTERN.test(e.name)).map((e) => e.name);
}

describe('two processes pointed at the same library', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let bundle: string;
  let removeBundle: () => Promise<void>;
  const children: LibraryChild[] = [];
  const start = () => {
    const child = startLibraryChild(childLaunch(bundle));
    children.push(child);
    return child;
  };

  beforeAll(async () => ({ bundle, cleanup: removeBundle } = await bundleLibraryChild()));
  afterAll(() => removeBundle());
  beforeEach(async () => ({ dir: dataDir, cleanup } = await createTempDataDir()));
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.kill('SIGKILL')));
    await cleanup();
  });

  it('refuses the second, never lets a reader see a torn file, and hands over after a crash', async () => {
    // A: the app that has the library open, importing, highlighting and autosaving.
    const a = start();
    const b = start(); // starts up meanwhile: a second copy, or a portable install
    await a.value({ op: 'open', dataDir });
    const article = await a.value<ArticleSummary>({
      op: 'insertArticle',
      article: await pastedArticle(seedText),
    });
    const memo = await a.value<Memo>({ op: 'createMemo', ticker: 'MSFT' });
    await a.value({ op: 'churn', articleId: article.id, memoId: memo.id });

    const storeFiles = [
      join(dataDir, 'library.json'),
      join(dataDir, 'articles', article.id, 'annotations.json'),
      join(dataDir, 'memos', memo.id, 'memo.json'),
    ];
    const polled = pollStoreFiles(storeFiles, 2_000);
    // B tries to open the library while A writes and the reader reads, twice.
    const refusals = [];
    for (const pause of [300, 700]) {
      await sleep(pause);
      refusals.push(await b.request({ op: 'open', dataDir }));
    }
    const { torn, versions, reads } = await polled;

    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        ok: false,
        error: {
          name: 'DataFolderLockedError',
          ownerPid: a.pid,
          message: expect.stringContaining(`process ${a.pid}`),
        },
      });
    }
    expect(torn).toEqual([]);
    // The reader raced many real writes of every file, not a quiet folder.
    for (const path of storeFiles) {
      expect(reads[path], path).toBeGreaterThan(100);
      expect(versions[path], path).toBeGreaterThan(10);
    }
    expect(a.events.filter((e) => e.event === 'failed')).toEqual([]);
    // B's refusals took nothing from A: the lock is still A's.
    expect(JSON.parse(await readFile(join(dataDir, 'margin.lock'), 'utf8')).pid).toBe(a.pid);

    // A crashes mid-write; its lock file stays behind.
    await a.kill('SIGKILL');
    await b.value({ op: 'open', dataDir });
    const status = await b.value<LibraryStatus>({ op: 'startupCheck' });
    expect(status).toMatchObject({ readOnlyReason: null, articleCount: 1, integrity: [] });
    // The one thing B may report: a save A had written whole but not renamed into place.
    for (const notice of status.notices) expect(notice.reason).toMatch(/stopped while saving/);
    expect(JSON.parse(await readFile(join(dataDir, 'margin.lock'), 'utf8')).pid).toBe(b.pid);
    // Its startup swept what A's unfinished writes left behind.
    expect(await tempFilesBelow(dataDir)).toEqual([]);

    // B sees every write A acknowledged; of A's last writes, each is there whole or not at all.
    const highlights = writesOf(a.events, 'highlights');
    const expectedHighlights = [highlightsAfter(highlights.done)];
    if (highlights.inFlight) {
      expectedHighlights.push(highlightsAfter([...highlights.done, highlights.inFlight]));
    }
    expect(expectedHighlights).toContainEqual(
      await b.value<Highlight[]>({ op: 'listHighlights', articleId: article.id }),
    );

    const memos = writesOf(a.events, 'memo');
    const stored = await b.value<Memo>({ op: 'getMemo', memoId: memo.id });
    const candidates = [...memos.done.slice(-1), ...(memos.inFlight ? [memos.inFlight] : [])];
    const match = candidates.find((op) => op.version === stored.version);
    expect(
      match,
      `memo version ${stored.version} of ${candidates.map((c) => c.version)}`,
    ).toBeDefined();
    expect(JSON.stringify(stored.doc)).toContain(match!.text);

    const watchlists = writesOf(a.events, 'watchlist');
    const expectedWatchlists: WatchlistEntry[][] = [
      ...watchlists.done.slice(-1),
      ...(watchlists.inFlight ? [watchlists.inFlight] : []),
    ].map((op) => op.entries);
    expect(expectedWatchlists).toContainEqual(await b.value({ op: 'watchlist' }));

    expect(highlights.done.length).toBeGreaterThan(20);
    expect(memos.done.length).toBeGreaterThan(20);
    await b.value({ op: 'close' });
    expect(await b.end()).toEqual({ code: 0, signal: null });
  });

  it('has a reader that does catch a writer replacing a file in place (the control)', async () => {
    const path = join(dataDir, 'library.json');
    await writeFile(path, '{}');
    // What a writer without temp file and rename does: truncate the file, then write it.
    const writer = spawn(process.execPath, [
      '-e',
      `const text = JSON.stringify({ schemaVersion: 5, padding: 'x'.repeat(200000) });
       for (;;) require('node:fs').writeFileSync(${JSON.stringify(path)}, text);`,
    ]);
    try {
      while ((await readFile(path, 'utf8')) === '{}') await sleep(20); // until it runs
      const { torn } = await pollStoreFiles([path], 500);
      expect(torn.length).toBeGreaterThan(0);
    } finally {
      writer.kill('SIGKILL');
      await once(writer, 'exit');
    }
  });
});
