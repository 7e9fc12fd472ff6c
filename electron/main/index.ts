// Wiring only: single-instance lock → open storage → register IPC → create window.
import { dirname, join } from 'node:path';
import { app, dialog, protocol, session, shell, type BrowserWindow } from 'electron';
import log from 'electron-log/main';
import { desktopFromOpenPath } from './features/app/desktop-from-open-path';
import { AppEventQueue } from './features/app-events/app-event-queue';
import { filesFromArgv } from './features/app-events/files-from-argv';
import { createMainHandlers } from './features/create-main-handlers';
import { createChosenFiles } from './features/import/chosen-files';
import { createParserPool, type ParserPool } from './features/import/worker/parser-pool';
import { registerElectronIpc } from './ipc/register-electron-ipc';
import type { RendererEntry } from './ipc/sender-guard';
import { openLibraryOrExplain } from './open-library-or-explain';
import { resolveDataDir } from './resolve-data-dir';
import { LibraryHost } from './library-host';
import { openLibrary, type Library } from './storage/open-library';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './security/app-protocol';
import {
  guardWebContents,
  refuseRemoteRequests,
  restrictPermissions,
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

/** Files opened with Margin and Help menu commands, until the page asks for them. */
const appEvents = new AppEventQueue();
const chosenFiles = createChosenFiles();

/** "Open with Margin" on Windows and Linux: the files arrive as arguments of a launch. */
async function openFilesFromArgv(argv: readonly string[], cwd: string): Promise<void> {
  const paths = await filesFromArgv(argv, { cwd, defaultApp: Boolean(process.defaultApp) });
  if (paths.length > 0) log.info(`Opening ${paths.length} file(s) passed to Margin`);
  appEvents.push({ kind: 'openFiles', paths });
}

/** Set once the window exists; events that come earlier wait in `appEvents`. */
let mainWindow: BrowserWindow | null = null;

function bringToFront(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

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

  restrictPermissions(session.defaultSession, entry);
  refuseRemoteRequests(session.defaultSession, entry);
  guardWebContents(app, shell, entry, log);
  serveAppProtocol(protocol, rendererDir);
  const pool = createParserPool({ workerFile: importWorkerFile, logger: log });
  parser = pool;
  const dialogs = createElectronDialogs();
  const desktop = desktopFromOpenPath((path) => shell.openPath(path));
  const about = {
    versions: process.versions,
    dataDir,
    logDir: dirname(log.transports.file.getFile().path),
    // The build writes each bundle's license list into out/main, out/preload and out/renderer.
    licensesDir: join(import.meta.dirname, '..'),
    desktop,
    locale: app.getLocale(),
  };
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
        logger: log,
        about,
        appEvents,
        chosenFiles,
      }),
  });
  registerElectronIpc(host.handlers, entry, log);
  installApplicationMenu(app, {
    showAbout: () => appEvents.push({ kind: 'showAbout' }),
    reportProblem: () => appEvents.push({ kind: 'reportProblem' }),
    // The analyst asked from the menu, so a refusal gets a box, not only a log line.
    showLogs: () =>
      void desktop.openFolder(about.logDir).catch((error: unknown) => {
        log.warn('Could not show the log folder', error);
        dialog.showErrorBox(
          'Margin could not show the log folder',
          `${error instanceof Error ? error.message : String(error)}\n\n${about.logDir}`,
        );
      }),
  });
  const window = createMainWindow(entry, preloadPath, { packaged: app.isPackaged });
  // Load the parsers in the background once the window is up: the first import is then quick.
  window.once('ready-to-show', () => setTimeout(() => parser?.warm(), 2000));

  mainWindow = window;
  app.on('open-file', bringToFront);
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

// macOS hands files over as events, possibly before the app is ready: listen from the start.
app.on('will-finish-launching', () => {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    appEvents.push({ kind: 'openFiles', paths: [path] });
  });
});

if (app.requestSingleInstanceLock()) {
  // Windows starts one process per file opened with Margin: the later ones arrive here,
  // perhaps while this one is still starting, so this listens from the start.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringToFront();
    void openFilesFromArgv(argv, workingDirectory);
  });
  void openFilesFromArgv(process.argv, process.cwd());
  app.whenReady().then(start).catch(failStart);
} else {
  app.quit();
}
