import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');
export const rendererDir = join(repoRoot, 'out/renderer');
export const bridgeScript = join(repoRoot, 'out/e2e/bridge.js');
export const importWorkerBundle = join(repoRoot, 'out/main/import-worker.js');
export const seedsDir = join(repoRoot, 'seeds');
export const screenshotsDir = join(repoRoot, 'docs/screenshots');
/** The shared test corpus beside the repository: real news pages with their metadata. */
export const corpusDir = join(repoRoot, '../shared/corpus');
