import { ImportError } from './import-error';
import { resolvesInsideNetwork } from './private-address';

export interface FetchedResource {
  bytes: Uint8Array;
  /** The media type without parameters, lower-case (`text/html`), or null. */
  mediaType: string | null;
  /** The charset from the `Content-Type` header, or null. */
  charset: string | null;
  /** Where the content came from after redirects. */
  finalUrl: string;
}

export interface FetchUrlOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export const URL_FETCH_LIMITS = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
} as const;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The address the analyst typed, as a URL Margin may fetch. A bare `www.example.com/x`
 * gets `https://`; anything but http and https is refused before any network access.
 */
export function toFetchableUrl(raw: string): URL {
  // eslint-disable-next-line no-control-regex
  const trimmed = raw.trim().replace(/[\u0000-\u001F\u007F]/g, '');
  // `example.com:8080/x` has no scheme; `javascript:…` and `file:…` do (and are refused).
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(trimmed);
  const withScheme = hasScheme ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ImportError('FETCH_FAILED', 'this is not a web address Margin can read');
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    throw new ImportError(
      'FETCH_FAILED',
      `only http and https addresses can be imported, not ${url.protocol.replace(/:$/, '')}:`,
    );
  }
  if (!url.hostname) throw new ImportError('FETCH_FAILED', 'the address has no host name');
  return url;
}

/**
 * Fetches one web resource for import, only because the analyst asked: http and https
 * only (also after each redirect, at most 5), a time limit for the whole exchange, and a
 * size cap enforced while the body streams in (a `Content-Length` can lie).
 */
export async function fetchUrl(
  raw: string,
  options: FetchUrlOptions = {},
): Promise<FetchedResource> {
  const {
    timeoutMs = URL_FETCH_LIMITS.timeoutMs,
    maxBytes = URL_FETCH_LIMITS.maxBytes,
    maxRedirects = URL_FETCH_LIMITS.maxRedirects,
    userAgent = 'Margin (desktop research workbench)',
  } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let url = toFetchableUrl(raw);
  try {
    // An intranet page the analyst asked for is fine; a public page sending Margin inside is not.
    const startedOutside = !(await resolvesInsideNetwork(url.hostname));
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': userAgent,
          accept:
            'text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (redirects >= maxRedirects) {
          throw new ImportError(
            'FETCH_FAILED',
            `the address redirected more than ${maxRedirects} times`,
          );
        }
        url = redirectTarget(url, response.headers.get('location')!);
        if (startedOutside && (await resolvesInsideNetwork(url.hostname))) {
          throw new ImportError(
            'FETCH_FAILED',
            `the page redirected to an address inside your network (${url.hostname}), which Margin does not follow`,
          );
        }
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new ImportError(
          'FETCH_FAILED',
          describeHttpStatus(response.status, response.statusText),
        );
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw tooLarge(maxBytes);
      }
      const bytes = await readCapped(response, maxBytes);
      const { mediaType, charset } = parseContentType(response.headers.get('content-type'));
      return { bytes, mediaType, charset, finalUrl: url.href };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (options.signal?.aborted) throw new ImportError('CANCELLED', 'the import was cancelled');
    if (timeout.aborted) {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      throw new ImportError(
        'FETCH_FAILED',
        `the server did not answer within ${seconds} second${seconds === 1 ? '' : 's'}`,
        { cause: error },
      );
    }
    throw new ImportError('FETCH_FAILED', describeNetworkError(error), { cause: error });
  }
}

function redirectTarget(from: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new ImportError('FETCH_FAILED', 'the server redirected to an invalid address');
  }
  if (!ALLOWED_PROTOCOLS.has(next.protocol)) {
    throw new ImportError(
      'FETCH_FAILED',
      `the server redirected to a ${next.protocol.replace(/:$/, '')}: address, which Margin refuses to open`,
    );
  }
  return next;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const tooLarge = (maxBytes: number) =>
  new ImportError(
    'TOO_LARGE',
    `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, Margin's limit for web imports`,
  );

export function parseContentType(header: string | null): {
  mediaType: string | null;
  charset: string | null;
} {
  if (!header) return { mediaType: null, charset: null };
  const [type, ...parameters] = header.split(';');
  const charset = parameters
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find(Boolean);
  return { mediaType: type?.trim().toLowerCase() || null, charset: charset ?? null };
}

function describeHttpStatus(status: number, statusText: string): string {
  const label = `${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 404 || status === 410)
    return `the server answered ${label}: there is no page at that address`;
  if (status === 401 || status === 403) {
    return `the server answered ${label}: the page needs a login or a subscription. Save it from your browser and import the file instead`;
  }
  if (status === 429) return `the server answered ${label}: too many requests; try again later`;
  if (status >= 500) return `the server answered ${label}: it has a problem; try again later`;
  return `the server answered ${label}`;
}

function describeNetworkError(error: unknown): string {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the server could not be found; check the address and your connection';
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was cut off';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return "the server's security certificate is not valid, so Margin did not read the page";
    default:
      return 'the page could not be downloaded';
  }
}
