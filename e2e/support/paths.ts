import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');
export const rendererDir = join(repoRoot, 'out/renderer');
export const bridgeScript = join(repoRoot, 'out/e2e/bridge.js');
export const importWorkerBundle = join(repoRoot, 'out/main/import-worker.js');
export const seedsDir = join(repoRoot, 'seeds');
export const screenshotsDir = join(repoRoot, 'docs/screenshots');
/** Real news pages with the metadata a reader view should extract (Readability's test pages). */
export const newsCorpusDir = join(repoRoot, 'e2e/fixtures/news-html');
/** What `electron-vite build` writes: each bundle's folder holds its third-party-licenses.json. */
export const buildDir = join(repoRoot, 'out');
