import { APP_HOST, APP_SCHEME } from '../security/app-protocol';

/**
 * Where the renderer is loaded from: the built files over `app://margin/`, or the dev
 * server (and the end-to-end tests' server) over http.
 */
export type RendererEntry = { kind: 'app' } | { kind: 'http'; origin: string };

/** The part of Electron's WebFrameMain (and Playwright's Frame) that the guard reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True only for the app's own top-level frame: an iframe, a frame that navigated away,
 * or a destroyed frame (null) is refused. The URL is parsed, never prefix-matched, so
 * `http://localhost:5173.evil.com`, `app://margin.evil/` or a `file://` page do not pass.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  entry: RendererEntry,
): boolean {
  if (!frame || frame.parent) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  if (entry.kind === 'http') return url.origin === entry.origin;
  // A custom scheme's URL has an opaque origin ("null"): compare scheme and host instead.
  return (
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password
  );
}
