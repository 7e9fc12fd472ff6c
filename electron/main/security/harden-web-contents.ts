import type { App, Session, Shell, WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { isTrustedSender, type RendererEntry } from '../ipc/sender-guard';
import { toSafeExternalUrl } from './safe-external-url';

/**
 * Every permission (camera, notifications, clipboard-read, USB/HID/serial devices, …) is
 * refused: Margin needs none. Downloads a page starts are cancelled too: nothing a page
 * says is written to disk.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** Schemes the renderer loads from besides its own origin: inline images and blobs it made. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * The renderer talks to nothing but the app itself: any request to another origin is
 * cancelled in the session, whatever the page says (the CSP is the first wall, this the
 * second). Importing a URL is done by main, outside this session.
 */
export function refuseRemoteRequests(session: Session, entry: RendererEntry): void {
  // In development the dev server also reloads the page over its own WebSocket.
  const devHost = entry.kind === 'http' ? new URL(entry.origin).host : null;
  session.webRequest.onBeforeRequest((details, callback) => {
    let url: URL;
    try {
      url = new URL(details.url);
    } catch {
      return callback({ cancel: true });
    }
    const allowed =
      LOCAL_SCHEMES.has(url.protocol) ||
      isTrustedSender({ url: details.url, parent: null }, entry) ||
      (devHost !== null && url.protocol === 'ws:' && url.host === devHost);
    callback({ cancel: !allowed });
  });
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
