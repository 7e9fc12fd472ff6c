import type {
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
} from 'electron';

/** Electron's BrowserWindow class, passed in so the unit tests can capture the options. */
export type BrowserWindowClass = new (
  options: BrowserWindowConstructorOptions,
) => ElectronBrowserWindow;

/**
 * Creates the one window. The web preferences are written out as literals inside the
 * `new BrowserWindow(…)` on purpose: a review, a grep and Electronegativity (in CI, which
 * reads only literal options in the constructor call) all see at once that the renderer
 * is isolated, sandboxed and without Node. `webPreferencesProblems` checks them in the
 * unit tests, and the live window's in the `electron` Playwright project.
 */
export function newMainWindow(
  BrowserWindow: BrowserWindowClass,
  preloadPath: string,
  { packaged }: { packaged: boolean },
): ElectronBrowserWindow {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Margin',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A middle click would otherwise open a link in a new window without `window.open`.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A packaged build has no DevTools at all: nothing can open them, not even a shortcut.
      devTools: !packaged,
      spellcheck: true,
    },
  });
}
