import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest, appFileFor, serveAppProtocol } from '../app-protocol';

describe('the app:// protocol', () => {
  let base: string;
  let renderer: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'margin-app-protocol-'));
    renderer = join(base, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Margin</title>');
    await writeFile(join(renderer, 'assets', 'index-abc.js'), 'export {};');
    await writeFile(join(renderer, 'assets', 'index-abc.css'), 'body{}');
    await writeFile(join(base, 'secret.txt'), 'MARGIN-CANARY-SECRET');
    await symlink(join(base, 'secret.txt'), join(renderer, 'assets', 'link-out.txt'));
    await symlink(base, join(renderer, 'assets', 'dir-out'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('serves the renderer’s own files, index.html for the root', async () => {
    expect(await appFileFor(renderer, 'app://margin/')).toMatch(/index\.html$/);
    expect(await appFileFor(renderer, 'app://margin/index.html#/memos')).toMatch(/index\.html$/);
    expect(await appFileFor(renderer, 'app://margin/assets/index-abc.js?v=1')).toMatch(
      /index-abc\.js$/,
    );
  });

  it.each([
    'app://margin/../secret.txt',
    'app://margin/%2e%2e/secret.txt',
    'app://margin/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://margin/assets/..%5C..%5Csecret.txt',
    'app://margin/%2Fetc%2Fpasswd',
    'app://margin/C:%5CWindows%5Cwin.ini',
    'app://margin/%5C%5Cserver%5Cshare',
    'app://margin/index.html%00.js',
    'app://margin/%E0%A4%A',
    'app://margin/assets/link-out.txt',
    'app://margin/assets/dir-out/secret.txt',
    'app://margin/missing.js',
    'app://evil/index.html',
    'app://margin.evil/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', async (url) => {
    expect(await appFileFor(renderer, url)).toBeNull();
  });

  it('answers with the file, its type, nosniff, and the CSP on the page', async () => {
    const page = await answerAppRequest(renderer, new Request('app://margin/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain('<title>Margin</title>');

    const script = await answerAppRequest(
      renderer,
      new Request('app://margin/assets/index-abc.js'),
    );
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
  });

  it('answers 404, without the file, for anything outside the folder or not a read', async () => {
    for (const request of [
      new Request('app://margin/assets/link-out.txt'),
      new Request('app://margin/%2e%2e/secret.txt'),
      new Request('app://margin/index.html', { method: 'POST', body: 'x' }),
    ]) {
      const answer = await answerAppRequest(renderer, request);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain('CANARY');
    }
  });

  it('registers one handler for the app scheme that answers as above', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    const protocol = {
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        handlers.set(scheme, handler),
    } as unknown as Protocol;
    serveAppProtocol(protocol, renderer);
    expect([...handlers.keys()]).toEqual(['app']);
    const answer = await handlers.get('app')!(new Request('app://margin/assets/index-abc.css'));
    expect(await answer.text()).toBe('body{}');
  });
});
