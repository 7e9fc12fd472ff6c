import { EventEmitter } from 'node:events';
import type { App, Session, Shell } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { collectingLogger } from '../../test-support/collecting-logger';
import type { RendererEntry } from '../../ipc/sender-guard';
import { denyAllPermissions, guardWebContents, refuseRemoteRequests } from '../harden-web-contents';

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

describe('denyAllPermissions', () => {
  it('refuses every permission request, check and device, and cancels downloads', () => {
    let requestHandler:
      ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    let deviceHandler: (() => boolean) | undefined;
    const session = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      setDevicePermissionHandler: (h: typeof deviceHandler) => (deviceHandler = h),
    });
    denyAllPermissions(session as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal']) {
      requestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler?.()).toBe(false);
    expect(deviceHandler?.()).toBe(false);
    let downloadPrevented = false;
    session.emit('will-download', { preventDefault: () => (downloadPrevented = true) });
    expect(downloadPrevented).toBe(true);
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
