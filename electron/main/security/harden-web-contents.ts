import type { App, Session, Shell, WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { isTrustedSender, type RendererEntry } from '../ipc/sender-guard';
import { toSafeExternalUrl } from './safe-external-url';

/** Every permission (camera, notifications, clipboard-read, …) is refused: Margin needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Keeps every web contents on the app itself: no navigation away, no new windows, no
 * webviews. A link the analyst clicks opens in the OS browser, only for http(s)/mailto.
 */
export function guardWebContents(
  app: App,
  shell: Shell,
  entry: RendererEntry,
  logger: Logger,
): void {
  const isApp = (url: string) => isTrustedSender({ url, parent: null }, entry);
  const openOutside = (url: string) => {
    const safe = toSafeExternalUrl(url);
    if (safe) void shell.openExternal(safe);
    else logger.warn(`Refused to open a link with an unsafe scheme: ${url.slice(0, 80)}`);
  };

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (isApp(url)) return;
      event.preventDefault();
      openOutside(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isApp(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    if (app.isPackaged) contents.on('devtools-opened', () => contents.closeDevTools());
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
      return { action: 'deny' };
    });
  });
}
