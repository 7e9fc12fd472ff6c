// Wiring only: single-instance lock → open storage → register IPC → create window.
import { join } from 'node:path';
import { app, dialog, protocol, session, shell } from 'electron';
import log from 'electron-log/main';
import { createMainHandlers } from './features/create-main-handlers';
import { createParserPool, type ParserPool } from './features/import/worker/parser-pool';
import { registerElectronIpc } from './ipc/register-electron-ipc';
import type { RendererEntry } from './ipc/sender-guard';
import { openLibraryOrExplain } from './open-library-or-explain';
import { resolveDataDir } from './resolve-data-dir';
import { LibraryHost } from './library-host';
import { openLibrary, type Library } from './storage/open-library';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './security/app-protocol';
import {
  denyAllPermissions,
  guardWebContents,
  refuseRemoteRequests,
} from './security/harden-web-contents';
import { installApplicationMenu } from './window/application-menu';
import { createMainWindow } from './window/create-main-window';
import { createElectronDialogs } from './window/electron-dialogs';

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const entry: RendererEntry = devServerUrl
  ? { kind: 'http', origin: new URL(devServerUrl).origin }
  : { kind: 'app' };
const rendererDir = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const seedsDir = app.isPackaged
  ? join(process.resourcesPath, 'seeds')
  : join(app.getAppPath(), 'seeds');

const importWorkerFile = join(import.meta.dirname, 'import-worker.js');

let host: LibraryHost | null = null;
/** The library opened at start, until the host owns it (a failed start must release it). */
let firstLibrary: Library | null = null;
let parser: ParserPool | null = null;

async function start(): Promise<void> {
  log.transports.file.level = 'info';
  const dataDir = resolveDataDir(app.getPath('userData'));
  const first = await openLibraryOrExplain(dataDir, dialog, log, app.getVersion());
  if (!first) return app.quit();
  firstLibrary = first;

  denyAllPermissions(session.defaultSession);
  refuseRemoteRequests(session.defaultSession, entry);
  guardWebContents(app, shell, entry, log);
  serveAppProtocol(protocol, rendererDir);
  const pool = createParserPool({ workerFile: importWorkerFile, logger: log });
  parser = pool;
  const dialogs = createElectronDialogs();
  let opened: Library | null = first;
  // The first library is the one already opened; a restore from backup opens it again.
  host = await LibraryHost.open({
    open: async () => {
      const library =
        opened ?? (await openLibrary(dataDir, { logger: log, appVersion: app.getVersion() }));
      opened = null;
      return library;
    },
    makeHandlers: (library, control) =>
      createMainHandlers({
        library,
        seedsDir,
        parser: pool,
        dialogs,
        control,
        appVersion: app.getVersion(),
      }),
  });
  registerElectronIpc(host.handlers, entry, log);
  installApplicationMenu(app);
  const window = createMainWindow(entry, preloadPath, { packaged: app.isPackaged });
  // Load the parsers in the background once the window is up: the first import is then quick.
  window.once('ready-to-show', () => setTimeout(() => parser?.warm(), 2000));

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed || !host) return;
    event.preventDefault();
    void Promise.all([host.close(), parser?.close()]).finally(() => {
      closed = true;
      app.quit();
    });
  });
}

/** A failed start must not leave a windowless process holding the library's lock. */
async function failStart(error: unknown): Promise<void> {
  log.error('Margin failed to start', error);
  dialog.showErrorBox(
    'Margin could not start',
    'Margin stopped while starting. Details are in the log file; start Margin again.',
  );
  await (host ?? firstLibrary)?.close().catch(() => undefined);
  app.exit(1);
}

// Before the app is ready, or Chromium treats `app://` as an opaque, non-secure scheme.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (app.requestSingleInstanceLock()) {
  app.setAboutPanelOptions({ applicationName: 'Margin', applicationVersion: app.getVersion() });
  app.whenReady().then(start).catch(failStart);
} else {
  app.quit();
}
