import { BrowserWindow } from 'electron';
import type { RendererEntry } from '../ipc/sender-guard';
import { APP_ORIGIN } from '../security/app-protocol';
import { newMainWindow } from '../security/new-main-window';

/** The one window, with the web preferences the security module fixes, showing the app. */
export function createMainWindow(
  entry: RendererEntry,
  preloadPath: string,
  { packaged }: { packaged: boolean },
): BrowserWindow {
  const window = newMainWindow(BrowserWindow, preloadPath, { packaged });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entry.kind === 'http' ? entry.origin : `${APP_ORIGIN}/index.html`);
  return window;
}
