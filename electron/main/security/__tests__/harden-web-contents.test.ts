import { EventEmitter } from 'node:events';
import type { App, Session, Shell } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../test-support/collecting-logger';
import type { RendererEntry } from '../../ipc/sender-guard';
import {
  guardWebContents,
  refuseRemoteRequests,
  restrictPermissions,
} from '../harden-web-contents';

/** Just enough of Electron's App, WebContents and Shell to drive the guards' listeners. */
class FakeWebContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  devToolsClosed = 0;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }
}

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('guardWebContents', () => {
  let app: EventEmitter & { isPackaged: boolean };
  let opened: string[];
  let contents: FakeWebContents;
  const appUrl = 'http://localhost:5173/index.html';

  beforeEach(() => {
    app = Object.assign(new EventEmitter(), { isPackaged: true });
    opened = [];
    const shell = {
      openExternal: async (url: string) => void opened.push(url),
    } as unknown as Shell;
    guardWebContents(
      app as unknown as App,
      shell,
      { kind: 'http', origin: 'http://localhost:5173' },
      collectingLogger(),
    );
    contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
  });

  it('lets the app navigate within itself', () => {
    expect(navigate(contents, 'will-navigate', `${appUrl}#/library`)).toBe(false);
  });

  it('stops navigation away and opens only http(s) links in the OS browser', () => {
    expect(navigate(contents, 'will-navigate', 'https://www.ft.com/content/x')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(opened).toEqual(['https://www.ft.com/content/x']);
  });

  it('refuses redirects away from the app', () => {
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('denies every new window, opening safe links outside instead', () => {
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'java\tscript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('refuses to attach a webview', () => {
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('closes DevTools at once in a packaged app', () => {
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });
});

describe('restrictPermissions', () => {
  type RequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string; isMainFrame: boolean },
  ) => void;
  type CheckHandler = (
    contents: unknown,
    permission: string,
    requestingOrigin: string,
    details: { requestingUrl?: string; isMainFrame: boolean },
  ) => boolean;

  /** The session's handlers once restricted for `entry`, and whether a download was cancelled. */
  function restricted(entry: RendererEntry) {
    let requestHandler: RequestHandler | undefined;
    let checkHandler: CheckHandler | undefined;
    let deviceHandler: (() => boolean) | undefined;
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (h: RequestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: CheckHandler) => (checkHandler = h),
      setDevicePermissionHandler: (h: typeof deviceHandler) => (deviceHandler = h),
    });
    restrictPermissions(session as unknown as Session, entry);
    const request = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | undefined;
      requestHandler?.({}, permission, (answer) => (granted = answer), {
        requestingUrl,
        isMainFrame,
      });
      return granted;
    };
    const check = (permission: string, requestingUrl: string, isMainFrame = true) =>
      checkHandler?.({}, permission, new URL(requestingUrl).origin, {
        requestingUrl,
        isMainFrame,
      });
    return { session, request, check, device: () => deviceHandler?.() };
  }

  const appPage = 'app://margin/index.html';

  it('refuses every permission request, check and device, and cancels downloads', () => {
    const { session, request, check, device } = restricted({ kind: 'app' });
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'deprecated-sync-clipboard-read',
      'openExternal',
      'geolocation',
    ]) {
      expect(request(permission, appPage), permission).toBe(false);
      expect(check(permission, appPage), permission).toBe(false);
    }
    expect(device()).toBe(false);
    let downloadPrevented = false;
    session.emit('will-download', { preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);
  });

  it('lets only the app’s own top-level page write text to the clipboard', () => {
    const { request, check } = restricted({ kind: 'app' });
    expect(request('clipboard-sanitized-write', appPage)).toBe(true);
    expect(check('clipboard-sanitized-write', appPage)).toBe(true);
    // A subframe, another origin or a file:// page gets nothing.
    for (const [url, isMainFrame] of [
      [appPage, false],
      ['https://evil.example/', true],
      ['app://margin.evil.example/index.html', true],
      ['file:///opt/Margin/resources/app/out/renderer/index.html', true],
    ] as const) {
      expect(request('clipboard-sanitized-write', url, isMainFrame), url).toBe(false);
      expect(check('clipboard-sanitized-write', url, isMainFrame), url).toBe(false);
    }
  });

  it('in development, allows the clipboard write to the dev server’s page only', () => {
    const { request, check } = restricted({ kind: 'http', origin: 'http://localhost:5173' });
    expect(request('clipboard-sanitized-write', 'http://localhost:5173/index.html')).toBe(true);
    expect(check('clipboard-sanitized-write', 'http://localhost:5173/index.html')).toBe(true);
    expect(request('clipboard-sanitized-write', 'http://localhost:5174/')).toBe(false);
    expect(request('clipboard-read', 'http://localhost:5173/index.html')).toBe(false);
  });
});

describe('refuseRemoteRequests', () => {
  /** The session's request filter, and whether it cancels a URL. */
  function filterFor(entry: RendererEntry) {
    let filter:
      ((details: { url: string }, cb: (answer: { cancel: boolean }) => void) => void) | undefined;
    const session = {
      webRequest: { onBeforeRequest: (f: typeof filter) => (filter = f) },
    } as unknown as Session;
    refuseRemoteRequests(session, entry);
    return (url: string) => {
      let cancelled: boolean | undefined;
      filter?.({ url }, ({ cancel }) => (cancelled = cancel));
      return cancelled;
    };
  }

  it('lets the packaged renderer load only its own files, data: and blob: URLs', () => {
    const cancels = filterFor({ kind: 'app' });
    expect(cancels('app://margin/assets/index.js')).toBe(false);
    expect(cancels('data:image/png;base64,AAAA')).toBe(false);
    expect(cancels('blob:app://margin/0b7c6a4e')).toBe(false);
    for (const url of [
      'https://tracker.example/pixel.png',
      'http://127.0.0.1:9/canary',
      'ws://evil.example/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'not a url',
    ]) {
      expect(cancels(url), url).toBe(true);
    }
  });

  it('in development, lets the dev server and its reload socket through, nothing else', () => {
    const cancels = filterFor({ kind: 'http', origin: 'http://localhost:5173' });
    expect(cancels('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(cancels('ws://localhost:5173/')).toBe(false);
    expect(cancels('http://localhost:5174/')).toBe(true);
    expect(cancels('https://cdn.example/react.js')).toBe(true);
  });
});
