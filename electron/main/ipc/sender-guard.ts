import { pathToFileURL } from 'node:url';

/** Where the renderer is loaded from: the built file, or the dev server in development. */
export type RendererEntry = { kind: 'file'; indexHtml: string } | { kind: 'http'; origin: string };

/** The part of Electron's WebFrameMain (and Playwright's Frame) that the guard reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * True only for the app's own top-level frame: an iframe, a frame that navigated away,
 * or a destroyed frame (null) is refused. The URL is parsed, never prefix-matched, so
 * `http://localhost:5173.evil.com` or `file:///…/index.html/../other.html` do not pass.
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
  const expected = pathToFileURL(entry.indexHtml);
  return (
    url.protocol === 'file:' && url.host === expected.host && url.pathname === expected.pathname
  );
}
