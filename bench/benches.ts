import type { BenchRow } from './results';

export type Bench = (log: (line: string) => void) => Promise<BenchRow[]>;

/**
 * Every benchmark, by name, loaded only when it runs: each runs in its own process (see
 * run.ts), so what one loads cannot change another's figures. (pdf.js's legacy build, for
 * one, replaces the global `JSON.stringify` with core-js's slower one on Node 20.)
 */
export const benches: ReadonlyArray<[name: string, load: () => Promise<Bench>]> = [
  ['store', async () => (await import('./store-bench')).runStoreBench],
  ['import-html', async () => (await import('./import-html-bench')).runImportHtmlBench],
  ['import-pdf', async () => (await import('./import-pdf-bench')).runImportPdfBench],
  ['anchor', async () => (await import('./anchor-bench')).runAnchorBench],
  ['suggest', async () => (await import('./suggest-bench')).runSuggestBench],
  ['reader-paint', async () => (await import('./reader-paint-bench')).runReaderPaintBench],
  ['search', async () => (await import('./search-bench')).runSearchBench],
  ['board', async () => (await import('./board-bench')).runBoardBench],
  ['memo', async () => (await import('./memo-bench')).runMemoBench],
  ['export', async () => (await import('./export-bench')).runExportBench],
  ['backup', async () => (await import('./backup-bench')).runBackupBench],
  ['memory', async () => (await import('./memory-bench')).runMemoryBench],
];
