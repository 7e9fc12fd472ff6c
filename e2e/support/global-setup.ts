import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { ELECTRON_SKIP_REASON, findElectronBinary } from './electron-binary';
import { bridgeScript, repoRoot, rendererDir } from './paths';

/** Checks the renderer is built and bundles the test bridge (never shipped) into one script. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (or `npm run test:e2e`).');
  }
  // Playwright's list reporter does not print skip reasons; say it once, up front.
  if (!findElectronBinary())
    console.log(`The electron project will be skipped: ${ELECTRON_SKIP_REASON}`);
  await build({
    configFile: false,
    logLevel: 'warn',
    root: repoRoot,
    build: {
      outDir: join(bridgeScript, '..'),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: join(repoRoot, 'e2e/support/bridge-entry.ts'),
        formats: ['iife'],
        name: 'MarginTestBridge',
        fileName: () => 'bridge.js',
      },
    },
  });
}
