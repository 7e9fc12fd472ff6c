import { defineConfig } from '@playwright/test';

import { chromiumArgs, chromiumPath } from './e2e/support/chromium';

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'app',
      testDir: 'e2e/app',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: chromiumArgs,
        },
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
