import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { dropImportJourney } from '../journeys/drop-files';
import { libraryJourney } from '../journeys/library-journey';
import { ELECTRON_SKIP_REASON, findElectronBinary } from '../support/electron-binary';
import { repoRoot } from '../support/paths';

const electronBinary = findElectronBinary();
test.skip(!electronBinary, ELECTRON_SKIP_REASON);

test('the same library journey in real Electron', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'margin-electron-'));
  const launch = () =>
    electron.launch({
      executablePath: electronBinary!,
      args: [repoRoot],
      env: { ...process.env, MARGIN_DATA_DIR: dataDir },
    });
  let app: ElectronApplication = await launch();
  try {
    const firstWindow = await app.firstWindow();
    const page = await firstWindow.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      workbench: Object.keys((globalThis as { workbench?: object }).workbench ?? {}).sort(),
    }));
    expect(page).toEqual({
      require: 'undefined',
      process: 'undefined',
      workbench: ['articles', 'import', 'library', 'samples'],
    });
    await libraryJourney({
      page: firstWindow,
      restart: async () => {
        await app.close();
        app = await launch();
        return app.firstWindow();
      },
    });
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('a dropped file travels from the page through IPC and the parser worker in real Electron', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'margin-electron-'));
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: [repoRoot],
    env: { ...process.env, MARGIN_DATA_DIR: dataDir },
  });
  try {
    await dropImportJourney(await app.firstWindow());
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
