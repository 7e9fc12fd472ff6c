import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { MainProcess } from './main-process';
import { bridgeScript, rendererDir } from './paths';
import { serveStatic } from './static-server';

export interface AppFixture {
  page: Page;
  main: MainProcess;
  /** CSP violations reported by the page; must be empty when the test ends. */
  cspViolations: string[];
  /**
   * Quits and relaunches: fresh main handlers over the same data folder, page reloaded.
   * `whileClosed` runs between quitting and relaunching (to change files on disk).
   */
  restart(whileClosed?: () => Promise<void>): Promise<void>;
}

/**
 * Routes `window.workbench` in `page` to `main` through the shared API factory, and
 * collects the page's Content-Security-Policy violations into `violations`.
 */
async function installBridge(
  page: Page,
  main: MainProcess,
  appOrigin: string,
  violations: string[],
): Promise<void> {
  await page.exposeBinding('__marginInvoke', (source, channel: unknown, payload: unknown) =>
    main.invoke(
      { url: source.frame.url(), parent: source.frame.parentFrame() },
      appOrigin,
      channel,
      payload,
    ),
  );
  await page.exposeBinding('__marginCspViolation', (_source, report: string) => {
    violations.push(report);
  });
  await page.addInitScript({ path: bridgeScript });
}

export const test = base.extend<
  {
    dataDir: string;
    app: AppFixture;
    /** An ISO instant to freeze main's clock at (`test.use({ clock })`); null: the real clock. */
    clock: string | null;
  },
  { rendererOrigin: string }
>({
  clock: [null, { option: true }],
  rendererOrigin: [
    async ({}, use) => {
      const server = await serveStatic(rendererDir);
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  app: async ({ page, dataDir, rendererOrigin, clock }, use) => {
    const main = await MainProcess.start(dataDir, {
      now: clock === null ? undefined : () => new Date(clock),
    });
    const violations: string[] = [];
    await installBridge(page, main, rendererOrigin, violations);
    await page.goto(`${rendererOrigin}/index.html`);
    await use({
      page,
      main,
      cspViolations: violations,
      restart: async (whileClosed) => {
        await main.restart(whileClosed);
        await page.reload();
      },
    });
    await main.stop();
    // The app must work entirely within its strict CSP: any violation is a defect.
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
});

export { expect };
