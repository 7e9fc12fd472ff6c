// The measuring process of the memory benchmark (memory-bench.ts starts it, bundled, with
// --expose-gc): it opens a library as the app's main process does, goes through a short
// session of typical calls, and writes what it measured to a JSON file.
//   node --expose-gc memory-probe.mjs <dataDir> <seedsDir> <importWorkerFile> <result.json>
import { access, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Channel } from '../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../shared/ipc/contract';
import { citedHighlightIds } from '../shared/memo/memo-doc-ops';
import { createMainHandlers } from '../electron/main/features/create-main-handlers';
import type { Dialogs } from '../electron/main/features/dialogs';
import { createParserPool } from '../electron/main/features/import/worker/parser-pool';
import { invokeChannel } from '../electron/main/ipc/invoke-channel';
import { LibraryHost } from '../electron/main/library-host';
import type { Logger } from '../electron/main/logging/logger';
import { libraryLayout } from '../electron/main/storage/library-layout';
import { openLibrary } from '../electron/main/storage/open-library';

/** process.memoryUsage() at one point of the session, in bytes. */
export interface MemoryPoint {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface ProbeResult {
  /** Whether `global.gc` ran before each point (the process was started with --expose-gc). */
  gc: boolean;
  /** The fresh process with Margin's main-process code loaded, before opening the library. */
  baseline: MemoryPoint;
  /** The library open, its index built (or loaded) and the startup check done. */
  opened: MemoryPoint;
  /** After the session's calls. */
  session: MemoryPoint;
  /** After the parser worker has loaded its parsers, as the app warms it once its window is up. */
  warmed: MemoryPoint;
  /** The most the process held at any time (getrusage maxrss), in bytes. */
  peakRss: number;
  openMs: number;
  /** From the start of the open until the index answered `ready`. */
  indexReadyMs: number;
  /** …until the store's startup check of every file was done (as `library:status` says). */
  checkedMs: number;
  /** Whether the index cache existed before the open (a usual start) or not (a first open). */
  cacheBefore: boolean;
  /** Articles the index read again at the open (all of them without a cache, none when it is current). */
  reindexed: number;
  articles: number;
  claims: number;
  memos: number;
  calls: number;
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: console.error };

/** Every dialog cancelled: this session never imports, exports or restores. */
const cancelledDialogs: Dialogs = {
  chooseImportFiles: async () => [],
  chooseSaveFile: async () => null,
  confirmReplace: async () => false,
  chooseBackupFile: async () => null,
};

const gc = globalThis.gc;

/** Memory after full collections, so garbage of what came before does not count. */
async function settledPoint(): Promise<MemoryPoint> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(100);
  }
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external, arrayBuffers };
}

/** Waits until resident memory has stayed within 1 MB for 2 s (at most `timeoutMs`). */
async function rssSettled(timeoutMs: number): Promise<void> {
  const samples: number[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    samples.push(process.memoryUsage().rss);
    const recent = samples.slice(-8);
    if (recent.length === 8 && Math.max(...recent) - Math.min(...recent) < 2 ** 20) return;
    await sleep(250);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function probe(dataDir: string, seedsDir: string, workerFile: string): Promise<ProbeResult> {
  const cacheFile = libraryLayout(dataDir).indexCacheFile;
  const cacheBefore = await exists(cacheFile);
  const baseline = await settledPoint();

  const parser = createParserPool({ workerFile, logger: quiet });
  const started = performance.now();
  // As electron/main/index.ts wires it: the host over the library, every handler over it.
  const host = await LibraryHost.open({
    open: () => openLibrary(dataDir, { logger: quiet }),
    makeHandlers: (library, control) =>
      createMainHandlers({
        library,
        seedsDir,
        parser,
        dialogs: cancelledDialogs,
        control,
        appVersion: 'bench',
        logger: quiet,
      }),
  });
  const openMs = performance.now() - started;

  let calls = 0;
  /** One call as the renderer makes it: through the contract, answered in an envelope. */
  const call = async <C extends Channel>(
    channel: C,
    ...payload: undefined extends ChannelInput<C> ? [] : [ChannelInput<C>]
  ): Promise<ChannelOutput<C>> => {
    calls++;
    const envelope = await invokeChannel(host.handlers, channel, payload[0], quiet);
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
    return envelope.value as ChannelOutput<C>;
  };

  try {
    // What the page asks for as it starts, then its polling of the index and the store check.
    const articles = await call('articles:list');
    const memos = await call('memos:list');
    await call('codebook:list');
    await call('settings:watchlist');
    await call('settings:recommendationScale');
    const checking = (s: ChannelOutput<'library:status'>) => 'checking' in s && s.checking;
    let status = await call('library:status');
    let index = await call('search:status');
    let indexReadyMs = NaN;
    let checkedMs = NaN;
    for (;;) {
      const elapsed = performance.now() - started;
      if (index.state === 'ready' && Number.isNaN(indexReadyMs)) indexReadyMs = elapsed;
      if (!checking(status) && Number.isNaN(checkedMs)) checkedMs = elapsed;
      if (index.state === 'ready' && !checking(status)) break;
      await sleep(250);
      [status, index] = await Promise.all([call('library:status'), call('search:status')]);
    }
    if (status.notices.length > 0) {
      const files = status.notices.map((n) => `${n.file}: ${n.reason}`).join('; ');
      throw new Error(`The library did not open cleanly (${files}).`);
    }
    // After a first build the index writes its cache at once: that write belongs to the open.
    if (!cacheBefore) {
      for (let i = 0; i < 240 && !(await exists(cacheFile)); i++) await sleep(250);
      await sleep(1_000);
    }
    const opened = await settledPoint();

    // Reading: the newest articles, each with its highlights and the memos citing them.
    for (const summary of articles.slice(0, 20)) {
      await call('articles:get', { id: summary.id });
      const highlights = await call('highlights:list', { articleId: summary.id });
      await call('memos:backlinks', { highlightIds: highlights.map((h) => h.highlight.id) });
    }
    // The claims board: as it opens, then filtered and grouped, and one claim's relations.
    const board: ChannelInput<'claims:query'> = {
      filter: {},
      sort: 'published-desc',
      groupBy: 'none',
      offset: 0,
      limit: 200,
    };
    const page = await call('claims:query', board);
    await call('claims:query', {
      ...board,
      filter: { classes: ['risk'], hasNote: true },
      groupBy: 'class',
    });
    const first = page.rows[0];
    if (first) await call('claims:relations', { articleId: first.articleId, id: first.id });
    // Search.
    for (const query of ['Azure', 'Umsatz Prognose', 'cash flow', 'Regulierung Risiko']) {
      await call('search:query', { query, limit: 20 });
    }
    // Writing: a few memos, each with its citations' states and its revisions.
    for (const summary of memos.slice(0, 5)) {
      const memo = await call('memos:get', { id: summary.id });
      await call('memos:citationStates', { highlightIds: citedHighlightIds(memo.doc) });
      await call('memos:revisions', { id: summary.id });
    }
    const session = await settledPoint();

    // The app warms the parser worker (a thread of this process) once its window is up.
    parser.warm();
    await sleep(1_000);
    await rssSettled(30_000);
    const warmed = await settledPoint();

    return {
      gc: gc !== undefined,
      baseline,
      opened,
      session,
      warmed,
      peakRss: process.resourceUsage().maxRSS * 1024,
      openMs,
      indexReadyMs,
      checkedMs,
      cacheBefore,
      reindexed: index.total,
      articles: articles.length,
      claims: page.total,
      memos: memos.length,
      calls,
    };
  } finally {
    await Promise.all([host.close(), parser.close()]);
  }
}

const [dataDir, seedsDir, workerFile, resultFile] = process.argv.slice(2);
if (!dataDir || !seedsDir || !workerFile || !resultFile) {
  console.error('Usage: memory-probe <dataDir> <seedsDir> <importWorkerFile> <result.json>');
  process.exit(2);
}
await writeFile(resultFile, JSON.stringify(await probe(dataDir, seedsDir, workerFile)));
