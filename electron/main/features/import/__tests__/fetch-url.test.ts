import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHttpServer } from '../../../test-support/local-http-server';
import { rejectionOf } from '../../../test-support/rejection-of';
import { fetchUrl, parseContentType, toFetchableUrl } from '../fetch-url';
import { ImportError } from '../import-error';
import { resolvesInsideNetwork } from '../private-address';

const failure = (promise: Promise<unknown>) => rejectionOf(promise, ImportError);

describe('fetchUrl', () => {
  let server: Awaited<ReturnType<typeof startLocalHttpServer>>;
  beforeAll(async () => {
    server = await startLocalHttpServer({
      '/article': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
          .end(iconv.encode('<p>Größe – 5 €</p>', 'windows-1252')),
      '/hop': (_req, res) => res.writeHead(302, { location: '/article' }).end(),
      '/loop': (_req, res) => res.writeHead(301, { location: '/loop' }).end(),
      '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
      '/to-js': (_req, res) => res.writeHead(302, { location: 'javascript:alert(1)' }).end(),
      '/slow': () => undefined, // never answers
      '/big': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(Buffer.alloc(3000, 0x61));
      },
      '/forbidden': (_req, res) => res.writeHead(403, 'Forbidden').end(),
    });
  });
  afterAll(() => server.close());

  it('downloads a page with its media type and the charset from the header', async () => {
    const page = await fetchUrl(`${server.origin}/article`);
    expect(page.mediaType).toBe('text/html');
    expect(page.charset).toBe('windows-1252');
    expect(iconv.decode(Buffer.from(page.bytes), page.charset!)).toBe('<p>Größe – 5 €</p>');
  });

  it('follows redirects and reports where it ended', async () => {
    const page = await fetchUrl(`${server.origin}/hop`);
    expect(page.finalUrl).toBe(`${server.origin}/article`);
  });

  it('gives up after five redirects', async () => {
    const error = await failure(fetchUrl(`${server.origin}/loop`));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.reason).toMatch(/redirected more than 5 times/);
  });

  it.each([
    ['/to-file', 'file:'],
    ['/to-js', 'javascript:'],
  ])('refuses a redirect (%s) to a %s address', async (path, scheme) => {
    const error = await failure(fetchUrl(`${server.origin}${path}`));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.reason).toContain(`redirected to a ${scheme} address`);
  });

  it('says 404 in plain words', async () => {
    const error = await failure(fetchUrl(`${server.origin}/nothing-here`));
    expect(error.reason).toBe(
      'the server answered 404 Not Found: there is no page at that address',
    );
  });

  it('explains a paywall answer', async () => {
    const error = await failure(fetchUrl(`${server.origin}/forbidden`));
    expect(error.reason).toMatch(/403 Forbidden: the page needs a login/);
  });

  it('stops waiting after the timeout', async () => {
    const error = await failure(fetchUrl(`${server.origin}/slow`, { timeoutMs: 300 }));
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.reason).toBe('the server did not answer within 1 second');
  });

  it('stops reading a body over the cap', async () => {
    const error = await failure(fetchUrl(`${server.origin}/big`, { maxBytes: 1000 }));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('can be cancelled by the analyst', async () => {
    const controller = new AbortController();
    const pending = fetchUrl(`${server.origin}/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe('CANCELLED');
  });

  it('says so when nothing listens', async () => {
    const closed = await startLocalHttpServer({});
    await closed.close();
    const error = await failure(fetchUrl(closed.origin));
    expect(error.reason).toBe('the server refused the connection');
  });
});

describe('toFetchableUrl', () => {
  it('adds https:// to a bare address and refuses other schemes before any request', () => {
    expect(toFetchableUrl('www.example.com/a').href).toBe('https://www.example.com/a');
    expect(toFetchableUrl('intranet.local:8080/q3').href).toBe('https://intranet.local:8080/q3');
    for (const raw of [
      'file:///etc/passwd',
      'ftp://x.org/a',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(() => toFetchableUrl(raw)).toThrow(/only http and https/);
    }
  });
});

describe('resolvesInsideNetwork', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', async () => {
    for (const host of [
      '127.0.0.1',
      'localhost',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '[::1]',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(await resolvesInsideNetwork(host), host).toBe(true);
    }
    for (const host of ['8.8.8.8', '151.101.1.69', '2a00:1450:4001::1']) {
      expect(await resolvesInsideNetwork(host), host).toBe(false);
    }
  });
});

describe('parseContentType', () => {
  it('reads the media type and a quoted charset', () => {
    expect(parseContentType('Text/HTML; Charset="ISO-8859-15"')).toEqual({
      mediaType: 'text/html',
      charset: 'ISO-8859-15',
    });
  });
});
