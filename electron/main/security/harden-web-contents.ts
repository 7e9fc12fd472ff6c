import type { App, Session, Shell, WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { isTrustedSender, type RendererEntry } from '../ipc/sender-guard';
import { toSafeExternalUrl } from './safe-external-url';

/**
 * The one permission Margin's page gets: writing plain text to the clipboard
 * (`navigator.clipboard.writeText`, e.g. "Copy to clipboard" in Report a problem). Chromium
 * sanitizes what is written, and asks only during a click or key press.
 */
const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/**
 * Every permission (camera, notifications, clipboard-read, USB/HID/serial devices, …) is
 * refused: Margin needs none, except writing text to the clipboard, and that only for the
 * app's own top-level page (never a subframe or another origin). Reading the clipboard stays
 * refused: a page that could read it would see whatever the analyst copied elsewhere.
 * Chromium checks before it asks, so the check and the request handler agree. Downloads a
 * page starts are cancelled too: nothing a page says is written to disk.
 */
export function restrictPermissions(session: Session, entry: RendererEntry): void {
  const isAppPage = (url: string | undefined, isMainFrame: boolean) =>
    isMainFrame && url !== undefined && isTrustedSender({ url, parent: null }, entry);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      permission === CLIPBOARD_WRITE && isAppPage(details.requestingUrl, details.isMainFrame),
    ),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permission === CLIPBOARD_WRITE &&
      isAppPage(details.requestingUrl ?? requestingOrigin, details.isMainFrame),
  );
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
