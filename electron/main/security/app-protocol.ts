import { readFile, realpath } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { contentSecurityPolicy } from '../../../shared/security/content-security-policy';
import { isWithin, unsafeSegmentReason } from './confine-path';

/**
 * The packaged renderer is served from `app://margin/`, not `file://`: a page on `file://`
 * may read any file on the machine, so one XSS would expose the analyst's disk (Electron's
 * checklist, item 18). This protocol serves the renderer's own folder and nothing else,
 * and lets the `GrantFileProtocolExtraPrivileges` fuse be turned off.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'margin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before the app is ready: a standard, secure scheme, so ES modules load. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * The file in `rendererDir` an `app://margin/…` URL names, or null: another host, an
 * encoded `..`, a backslash, a NUL or a link out of the folder all get null (a 404).
 */
export async function appFileFor(rendererDir: string, rawUrl: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.length === 0) segments = ['index.html'];
  if (segments.some((segment) => unsafeSegmentReason(segment) !== null)) return null;
  try {
    const root = await realpath(rendererDir);
    const file = await realpath(join(root, ...segments));
    return isWithin(root, file) && file !== root ? file : null;
  } catch {
    return null;
  }
}

/**
 * Answers one request: the file with its type, and on the page itself the CSP as a header
 * too (the `<meta>` cannot carry `frame-ancestors`). Anything else is a bare 404.
 */
export async function answerAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const notFound = () => new Response('Not found', { status: 404 });
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
  const file = await appFileFor(rendererDir, request.url);
  if (!file) return notFound();
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) return notFound();
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
  };
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = `${contentSecurityPolicy()}; frame-ancestors 'none'`;
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { headers });
}

/** Serves `app://margin/` from the renderer's folder (call once the app is ready). */
export function serveAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request));
}
