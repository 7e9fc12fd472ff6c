import { BrowserWindow } from 'electron';
import type { RendererEntry } from '../ipc/sender-guard';

/**
 * The one window. Its web preferences are written out as literals on purpose, so a review
 * (or grep) sees at once that the renderer is isolated, sandboxed and without Node.
 */
export function createMainWindow(entry: RendererEntry, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
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
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (entry.kind === 'http') void window.loadURL(entry.origin);
  else void window.loadFile(entry.indexHtml);
  return window;
}
