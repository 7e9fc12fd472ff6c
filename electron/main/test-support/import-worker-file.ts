import { join } from 'node:path';

/**
 * The parser worker for tests and the e2e bridge: a small ESM file that registers tsx
 * and imports the TypeScript entry, since Node 20 cannot run `.ts` in a worker by itself.
 * The app runs the bundled `import-worker.js` instead.
 */
export const importWorkerFile = join(import.meta.dirname, 'ts-import-worker.mjs');
