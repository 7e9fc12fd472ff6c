import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type RendererEntry } from '../sender-guard';

const indexHtml = join('/opt/Margin/resources/app/out/renderer', 'index.html');
const fileEntry: RendererEntry = { kind: 'file', indexHtml };
const httpEntry: RendererEntry = { kind: 'http', origin: 'http://localhost:5173' };
const topFrame = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it("accepts the app's own top-level frame loaded from its file", () => {
    expect(isTrustedSender(topFrame(pathToFileURL(indexHtml).href), fileEntry)).toBe(true);
    expect(isTrustedSender(topFrame(`${pathToFileURL(indexHtml).href}#/memos`), fileEntry)).toBe(
      true,
    );
  });

  it('refuses a null or missing frame (destroyed, or navigated away)', () => {
    expect(isTrustedSender(null, fileEntry)).toBe(false);
    expect(isTrustedSender(undefined, httpEntry)).toBe(false);
  });

  it('refuses a subframe even when it is on the app origin', () => {
    const child = { url: pathToFileURL(indexHtml).href, parent: topFrame('file:///x') };
    expect(isTrustedSender(child, fileEntry)).toBe(false);
  });

  it('refuses another local file and a path that only starts like the app', () => {
    expect(isTrustedSender(topFrame('file:///tmp/evil.html'), fileEntry)).toBe(false);
    expect(isTrustedSender(topFrame(`${pathToFileURL(indexHtml).href}.evil.html`), fileEntry)).toBe(
      false,
    );
    expect(
      isTrustedSender(
        topFrame('file://attacker-host/opt/Margin/resources/app/out/renderer/index.html'),
        fileEntry,
      ),
    ).toBe(false);
  });

  it('refuses remote pages, including look-alike origins', () => {
    expect(isTrustedSender(topFrame('https://example.com/'), fileEntry)).toBe(false);
    expect(isTrustedSender(topFrame('http://localhost:5173.evil.com/'), httpEntry)).toBe(false);
    expect(isTrustedSender(topFrame('http://localhost:5174/'), httpEntry)).toBe(false);
    expect(isTrustedSender(topFrame('http://localhost:5173/index.html'), httpEntry)).toBe(true);
  });

  it('refuses URLs that do not parse', () => {
    expect(isTrustedSender(topFrame('not a url'), httpEntry)).toBe(false);
    expect(isTrustedSender(topFrame(''), fileEntry)).toBe(false);
  });
});
