import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/__tests__/**/*.test.ts',
            'electron/**/__tests__/**/*.test.ts',
            'renderer/src/lib/__tests__/**/*.test.ts',
          ],
          // The packaging tests need the built app (`npm run test:package`).
          exclude: ['**/*.package.test.ts', '**/node_modules/**'],
          environment: 'node',
          // The palette test reads highlights.css as text (`?raw`); other CSS stays unprocessed.
          css: { include: [/highlights\.css/] },
          // Storage tests fsync real files; give slow disks room without hiding hangs.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'package',
          include: ['electron/build/__tests__/**/*.package.test.ts'],
          environment: 'node',
          // electron-builder packs the whole app: tens of seconds on a slow disk.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
