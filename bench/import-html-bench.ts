import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHtml } from '../electron/main/features/import/formats/parse-html';
import type { BenchRow } from './results';
import { median, percentile } from './stats';

const REPO = join(import.meta.dirname, '..');
/** Readability's test pages, in the `shared/` folder beside the repository. */
const CORPUS = join(REPO, 'e2e', 'fixtures', 'news-html');
/** Where the bundle of this module is built for the measuring worker. */
const BUNDLE_DIR = join(REPO, 'node_modules', '.cache', 'margin-bench-import-html');
/** The address the corpus pages were saved from, as in Readability's own tests. */
const PAGE_URL = 'http://fakehost/test/page.html';
const RUNS = 7;

interface Page {
  name: string;
  html: string;
}

interface Timings {
  /** Per page, in corpus order, the duration of each run in milliseconds. */
  ours: number[][];
  peer: number[][];
}

function loadCorpus(): Page[] {
  return readdirSync(CORPUS)
    .filter((name) => statSync(join(CORPUS, name)).isDirectory())
    .sort()
    .map((name) => ({ name, html: readFileSync(join(CORPUS, name, 'source.html'), 'utf8') }));
}

/** What most Node code does: a fresh jsdom window per page, then Readability on it. */
function readabilityAlone(html: string): void {
  const dom = new JSDOM(html, { url: PAGE_URL, virtualConsole: new VirtualConsole() });
  new Readability(dom.window.document).parse();
  dom.window.close();
}

/** Per page, the duration of each of RUNS runs (rounds over the corpus, after a warm-up). */
async function measure(
  pages: readonly Page[],
  task: (html: string) => unknown,
): Promise<number[][]> {
  for (const page of pages) await task(page.html);
  const samples = pages.map((): number[] => []);
  for (let run = 0; run < RUNS; run++) {
    for (const [index, page] of pages.entries()) {
      const start = performance.now();
      await task(page.html);
      samples[index]!.push(performance.now() - start);
    }
  }
  return samples;
}

async function measureBoth(pages: readonly Page[]): Promise<Timings> {
  const ours = await measure(pages, (html) => parseHtml(html, { url: PAGE_URL }));
  // The peer runs second: a fresh jsdom window per page leaks in jsdom 29 even after
  // close() (measured: ~25 MB for a large page), and the swelling heap would slow ours too.
  const peer = await measure(pages, readabilityAlone);
  return { ours, peer };
}

/** Entry point of the measuring worker, which runs the bundle of this very module. */
export async function measureInWorker(): Promise<void> {
  parentPort!.postMessage(await measureBoth(workerData as Page[]));
}

/**
 * Times both pipelines in a worker thread on a bundle of this module, which is how the
 * app's import worker runs them. Under tsx, the ESM-only parse5 inside jsdom is
 * transpiled into getter-based CommonJS, and every jsdom parse gets about 1.7× slower
 * (measured here): a cost of the bench harness that the app never pays.
 */
async function measureBundled(pages: readonly Page[]): Promise<Timings> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: REPO,
    build: {
      ssr: fileURLToPath(import.meta.url),
      outDir: BUNDLE_DIR,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'import-html-bench.mjs' } },
    },
  });
  const entry = pathToFileURL(join(BUNDLE_DIR, 'import-html-bench.mjs')).href;
  // No execArgv: the worker starts without tsx's loaders.
  const worker = new Worker(`import(${JSON.stringify(entry)}).then((m) => m.measureInWorker())`, {
    eval: true,
    execArgv: [],
    workerData: pages,
  });
  try {
    return await new Promise<Timings>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the bench worker exited with ${code}`)));
    });
  } finally {
    await worker.terminate();
    await rm(BUNDLE_DIR, { recursive: true, force: true });
  }
}

/**
 * The HTML import benchmark: every corpus page through `parseHtml` (Readability,
 * DOMPurify, block model, metadata), median of its runs per page; the peer is jsdom +
 * Readability alone on the same pages, which does less work.
 */
export async function runImportHtmlBench(log: (line: string) => void): Promise<BenchRow[]> {
  const pages = loadCorpus();
  log(`Importing ${pages.length} corpus pages, ${RUNS} runs each after a warm-up run…`);
  let timings: Timings;
  try {
    timings = await measureBundled(pages);
    log('Measured in a worker thread on the bundled code, as the app runs it.');
  } catch (error) {
    log(`Bundling failed (${String(error)}); measuring in this process, under tsx.`);
    timings = await measureBoth(pages);
  }

  const oursPerPage = timings.ours.map(median);
  const peerPerPage = timings.peer.map(median);
  const slowest = pages
    .map((page, i) => ({ name: page.name, ms: oursPerPage[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map(({ name, ms }) => `${name} ${ms.toFixed(0)} ms`);
  log(`Slowest pages: ${slowest.join(', ')}`);

  return [
    {
      id: 'import.html.median',
      label: `Import one web page (Readability + DOMPurify + block model), median over ${pages.length} corpus pages`,
      value: median(oursPerPage),
      unit: 'ms',
      target: 50,
      peer: { label: 'jsdom + Readability alone, median', value: median(peerPerPage) },
    },
    {
      id: 'import.html.p95',
      label: `Import one web page, p95 over ${pages.length} corpus pages`,
      value: percentile(oursPerPage, 95),
      unit: 'ms',
      target: null,
      peer: { label: 'jsdom + Readability alone, p95', value: percentile(peerPerPage, 95) },
    },
  ];
}
