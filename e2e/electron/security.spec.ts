import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { webPreferencesProblems } from '../../electron/main/security/web-preferences-problems';
import { ELECTRON_SKIP_REASON, findElectronBinary } from '../support/electron-binary';
import { repoRoot } from '../support/paths';

const electronBinary = findElectronBinary();
test.skip(!electronBinary, ELECTRON_SKIP_REASON);

/** The real app, built, on a fresh data folder; the window it opened. */
async function launchApp(): Promise<{ app: ElectronApplication; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'margin-electron-security-'));
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: [repoRoot],
    env: { ...process.env, MARGIN_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
  });
  return { app, dataDir };
}

test('the live window is isolated, sandboxed, on app://, and refuses to leave it', async () => {
  const { app, dataDir } = await launchApp();
  try {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/margin\//);
    // The page's module scripts and styles loaded over app://: the app itself is on screen.
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    expect(await page.evaluate(() => typeof (window as { workbench?: unknown }).workbench)).toBe(
      'object',
    );

    // The protocol serves the renderer's folder and nothing else (asked from main, past the CSP).
    const statuses = await app.evaluate(async ({ net }) => {
      const status = (url: string) =>
        net.fetch(url).then(
          (r) => r.status,
          () => 0,
        );
      return {
        page: await status('app://margin/index.html'),
        traversal: await status('app://margin/%2e%2e/%2e%2e/package.json'),
        otherHost: await status('app://evil/index.html'),
      };
    });
    expect(statuses).toEqual({ page: 200, traversal: 404, otherHost: 404 });

    // `getLastWebPreferences` is undocumented but present: the preferences as applied.
    const preferences = await app.evaluate(({ BrowserWindow }) =>
      (
        BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
          getLastWebPreferences(): Electron.WebPreferences | null;
        }
      ).getLastWebPreferences(),
    );
    const packaged = await app.evaluate(({ app: electronApp }) => electronApp.isPackaged);
    expect(webPreferencesProblems(preferences ?? undefined, { packaged })).toEqual([]);

    // No Node in the page, and nothing but the app reachable from it (the CSP refuses these
    // first; the session's filter and the protocol are checked above and in unit tests).
    const reach = await page.evaluate(async () => {
      const attempt = (url: string) =>
        fetch(url).then(
          () => 'loaded',
          () => 'refused',
        );
      return {
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        remote: await attempt('https://example.com/'),
        file: await attempt('file:///etc/passwd'),
        outside: await attempt('app://margin/../../package.json'),
        opened: window.open('https://example.com/') === null ? 'denied' : 'opened',
      };
    });
    expect(reach).toEqual({
      require: 'undefined',
      process: 'undefined',
      remote: 'refused',
      file: 'refused',
      outside: 'refused',
      opened: 'denied',
    });

    // A navigation away is stopped: the window stays on the app.
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/margin\//);
    expect(app.windows()).toHaveLength(1);

    // Every permission is refused.
    const permission = await page.evaluate(() =>
      navigator.permissions.query({ name: 'notifications' }).then((status) => status.state),
    );
    expect(permission).toBe('denied');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
