import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoryPoint, ProbeResult } from './memory-probe';
import type { BenchRow } from './results';
import { ANALYST_YEAR, writeAnalystYear } from './synthetic-library';

const REPO = join(import.meta.dirname, '..');
const PROBE = join(import.meta.dirname, 'memory-probe.ts');
const BUNDLE_DIR = join(REPO, 'node_modules', '.cache', 'margin-bench-memory');
const SEEDS_DIR = join(REPO, 'seeds');
/** The parser worker as the app ships it (built by `electron-vite build`), as e2e uses it. */
const WORKER_BUNDLE = join(REPO, 'out', 'main', 'import-worker.js');
const WORKER_TS = join(REPO, 'electron', 'main', 'test-support', 'ts-import-worker.mjs');
const TARGET_MB = 300;

const MB = 1024 ** 2;
const mb = (bytes: number) => bytes / MB;
const fmt = (bytes: number) => `${mb(bytes).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/**
 * The probe bundled as the app's main process is (vite, dependencies external), run by
 * plain Node. Under tsx the process would also carry tsx's loader thread and its
 * transpiled sources: about 48 MB of resident memory here that the app never has.
 */
async function probeCommand(log: (line: string) => void): Promise<string[]> {
  try {
    const { build } = await import('vite');
    await build({
      configFile: false,
      logLevel: 'silent',
      root: REPO,
      build: {
        ssr: PROBE,
        outDir: BUNDLE_DIR,
        emptyOutDir: true,
        minify: false,
        rolldownOptions: { output: { entryFileNames: 'memory-probe.mjs' } },
      },
    });
    log('Measuring the bundled main-process code, run by Node without tsx.');
    return [join(BUNDLE_DIR, 'memory-probe.mjs')];
  } catch (error) {
    log(
      `Bundling failed (${String(error)}); measuring under tsx, whose loader adds about 48 MB to every figure.`,
    );
    return ['--import', 'tsx', PROBE];
  }
}

/** The built parser worker when there is one; the TypeScript entry (through tsx) otherwise. */
async function importWorkerFile(log: (line: string) => void): Promise<string> {
  if (!existsSync(WORKER_BUNDLE)) {
    log(
      'Warning: out/main/import-worker.js is missing (run `npx electron-vite build`); the parser worker runs its TypeScript entry through tsx, which costs more memory than the app.',
    );
    return WORKER_TS;
  }
  const sources = await newestMtime(join(REPO, 'electron', 'main', 'features', 'import'));
  if (sources > statSync(WORKER_BUNDLE).mtimeMs) {
    log('Warning: the import code changed after the last build; run `npx electron-vite build`.');
  }
  return WORKER_BUNDLE;
}

/** One fresh Node process opening the library (the caller's own memory does not count). */
async function runProbe(command: string[], args: string[], resultFile: string) {
  const child = spawn(process.execPath, ['--expose-gc', ...command, ...args, resultFile], {
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`The memory probe failed (exit code ${code}).`);
  return JSON.parse(await readFile(resultFile, 'utf8')) as ProbeResult;
}

function describe(name: string, result: ProbeResult, log: (line: string) => void): void {
  const point = (label: string, p: MemoryPoint) =>
    log(
      `  ${label.padEnd(34)} rss ${fmt(p.rss).padStart(9)}  heapUsed ${fmt(p.heapUsed).padStart(9)}  heapTotal ${fmt(p.heapTotal).padStart(9)}  external ${fmt(p.external).padStart(9)} (arrayBuffers ${fmt(p.arrayBuffers)})`,
    );
  log(
    `${name}: opened in ${result.openMs.toFixed(0)} ms, index ready after ${seconds(result.indexReadyMs)} (${result.reindexed} articles indexed), startup check done after ${seconds(result.checkedMs)}; ${result.articles} articles, ${result.claims} claims, ${result.memos} memos; ${result.calls} calls${result.gc ? '' : ' (no global.gc: figures include garbage)'}.`,
  );
  point('before opening (code loaded)', result.baseline);
  point('opened, index ready', result.opened);
  point('after the session', result.session);
  point('parser worker warmed', result.warmed);
  log(`  peak rss during the run: ${fmt(result.peakRss)}`);
}

/**
 * Resident memory of the main process with the analyst-year library open, as the app
 * opens it: the same host, handlers and index, the page's start-up calls, the index
 * built, a short session (articles, claims board, search, memos), the parser worker
 * warmed. Each open runs in a fresh Node process; the peer is that process before it
 * opened the library. Node, not Electron: Electron's own runtime comes on top.
 */
export async function runMemoryBench(log: (line: string) => void): Promise<BenchRow[]> {
  const root = await mkdtemp(join(tmpdir(), 'margin-bench-'));
  try {
    const { articles, highlightsPerArticle, memos, revisionsPerMemo } = ANALYST_YEAR;
    const claims = articles * highlightsPerArticle;
    log(
      `Building the analyst-year library: ${articles} articles, ${claims} highlights, ${memos} memos with ${revisionsPerMemo} revisions each…`,
    );
    const dataDir = join(root, 'library');
    await writeAnalystYear(dataDir);
    const size = await folderSize(dataDir);
    log(`Library: ${size.files} files, ${fmt(size.bytes)}.`);

    const command = await probeCommand(log);
    const workerFile = await importWorkerFile(log);
    const args = [dataDir, SEEDS_DIR, workerFile];
    log('First open: no index cache, the index is built from the shards…');
    const first = await runProbe(command, args, join(root, 'first.json'));
    describe('First open', first, log);
    log('Usual start: the index cache written by the first open is loaded and checked…');
    const usual = await runProbe(command, args, join(root, 'usual.json'));
    describe('Usual start', usual, log);

    const what = `the analyst-year library (${articles} articles, ${claims} claims, ${memos} memos)`;
    const session =
      'a short session (20 articles, claims board, search, 5 memos), parser worker warmed, after gc';
    return [
      {
        id: 'memory.main.analyst_year.mb',
        label: `Main-process resident memory (Node ${process.version}) with ${what} opened as the app does, index built, ${session}`,
        value: mb(first.warmed.rss),
        unit: 'MB',
        target: TARGET_MB,
        peer: { label: 'same process before opening the library', value: mb(first.baseline.rss) },
      },
      {
        id: 'memory.main.analyst_year.cached_start.mb',
        label: `The same at a usual start: the index loaded from its cache, ${session}`,
        value: mb(usual.warmed.rss),
        unit: 'MB',
        target: TARGET_MB,
        peer: { label: 'same process before opening the library', value: mb(usual.baseline.rss) },
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(BUNDLE_DIR, { recursive: true, force: true });
  }
}
