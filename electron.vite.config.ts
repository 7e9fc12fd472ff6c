import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './shared/security/content-security-policy';
import { thirdPartyLicenses } from './electron/build/third-party-licenses/third-party-licenses-plugin';

/**
 * Writes the Content-Security-Policy into index.html as its first <meta>: the strict
 * production policy in builds, the dev-server variant only under `electron-vite dev`.
 */
function contentSecurityPolicyMeta(): Plugin {
  let dev = false;
  return {
    name: 'margin-content-security-policy',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: contentSecurityPolicy({ dev }),
          },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  main: {
    // Main leaves the production dependencies external: they ship in app.asar beside it.
    plugins: [thirdPartyLicenses({ projectDir: import.meta.dirname })],
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The parser worker thread runs from its own file next to the main bundle.
          'import-worker': resolve(
            import.meta.dirname,
            'electron/main/features/import/worker/import-worker.ts',
          ),
        },
      },
    },
  },
  preload: {
    plugins: [thirdPartyLicenses()],
    // Sandboxed preloads cannot import: bundle everything into one CommonJS file.
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicyMeta(), thirdPartyLicenses()],
    build: {
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
