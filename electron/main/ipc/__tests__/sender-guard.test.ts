import { describe, expect, it } from 'vitest';
import { isTrustedSender, type RendererEntry } from '../sender-guard';

const appEntry: RendererEntry = { kind: 'app' };
const httpEntry: RendererEntry = { kind: 'http', origin: 'http://localhost:5173' };
const topFrame = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it("accepts the app's own top-level frame served over app://margin", () => {
    expect(isTrustedSender(topFrame('app://margin/index.html'), appEntry)).toBe(true);
    expect(isTrustedSender(topFrame('app://margin/index.html#/memos'), appEntry)).toBe(true);
  });

  it('refuses a null or missing frame (destroyed, or navigated away)', () => {
    expect(isTrustedSender(null, appEntry)).toBe(false);
    expect(isTrustedSender(undefined, httpEntry)).toBe(false);
  });

  it('refuses a subframe even when it is on the app origin', () => {
    const child = { url: 'app://margin/index.html', parent: topFrame('app://margin/') };
    expect(isTrustedSender(child, appEntry)).toBe(false);
  });

  it('refuses local files, other app hosts and look-alikes', () => {
    expect(isTrustedSender(topFrame('file:///tmp/evil.html'), appEntry)).toBe(false);
    expect(
      isTrustedSender(
        topFrame('file:///opt/Margin/resources/app/out/renderer/index.html'),
        appEntry,
      ),
    ).toBe(false);
    expect(isTrustedSender(topFrame('app://margin.evil.example/index.html'), appEntry)).toBe(false);
    expect(isTrustedSender(topFrame('app://evil/index.html'), appEntry)).toBe(false);
    expect(isTrustedSender(topFrame('app://user@margin:1/index.html'), appEntry)).toBe(false);
    expect(isTrustedSender(topFrame('app://user@margin/index.html'), appEntry)).toBe(false);
    expect(isTrustedSender(topFrame('apps://margin/index.html'), appEntry)).toBe(false);
  });

  it('refuses remote pages, including look-alike origins', () => {
    expect(isTrustedSender(topFrame('https://example.com/'), appEntry)).toBe(false);
    expect(isTrustedSender(topFrame('http://localhost:5173.evil.com/'), httpEntry)).toBe(false);
    expect(isTrustedSender(topFrame('http://localhost:5174/'), httpEntry)).toBe(false);
    expect(isTrustedSender(topFrame('app://margin/index.html'), httpEntry)).toBe(false);
    expect(isTrustedSender(topFrame('http://localhost:5173/index.html'), httpEntry)).toBe(true);
  });

  it('refuses URLs that do not parse', () => {
    expect(isTrustedSender(topFrame('not a url'), httpEntry)).toBe(false);
    expect(isTrustedSender(topFrame(''), appEntry)).toBe(false);
  });
});
