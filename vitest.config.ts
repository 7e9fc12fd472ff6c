import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/__tests__/**/*.test.ts',
      'electron/**/__tests__/**/*.test.ts',
      'renderer/src/lib/__tests__/**/*.test.ts',
    ],
    environment: 'node',
    // The palette test reads highlights.css as text (`?raw`); other CSS stays unprocessed.
    css: { include: [/highlights\.css/] },
    // Storage tests fsync real files; give slow disks room without hiding hangs.
    testTimeout: 20_000,
  },
});
