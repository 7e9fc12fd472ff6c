import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { newMainWindow, type BrowserWindowClass } from '../new-main-window';
import { webPreferencesProblems } from '../web-preferences-problems';

/** Stands in for Electron's BrowserWindow: keeps the options it was built with. */
function capturingWindowClass() {
  const built: BrowserWindowConstructorOptions[] = [];
  const Window = function (this: unknown, options: BrowserWindowConstructorOptions) {
    built.push(options);
  } as unknown as BrowserWindowClass;
  return { Window, built };
}

const optionsOf = (packaged: boolean) => {
  const { Window, built } = capturingWindowClass();
  newMainWindow(Window, '/app/out/preload/index.cjs', { packaged }) satisfies BrowserWindow;
  return built[0]!;
};

describe('the main window’s web preferences', () => {
  it('follow Electron’s security checklist, packaged or not', () => {
    for (const packaged of [true, false]) {
      const { webPreferences } = optionsOf(packaged);
      expect(webPreferencesProblems(webPreferences, { packaged })).toEqual([]);
      expect(webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        preload: '/app/out/preload/index.cjs',
      });
      expect(webPreferences?.enableBlinkFeatures).toBeUndefined();
    }
  });

  it('have no DevTools in a packaged build', () => {
    expect(optionsOf(true).webPreferences?.devTools).toBe(false);
    expect(optionsOf(false).webPreferences?.devTools).toBe(true);
  });
});

describe('webPreferencesProblems', () => {
  const good = optionsOf(true).webPreferences!;

  it.each([
    ['contextIsolation', false],
    ['sandbox', false],
    ['nodeIntegration', true],
    ['nodeIntegrationInSubFrames', true],
    ['nodeIntegrationInWorker', true],
    ['webSecurity', false],
    ['allowRunningInsecureContent', true],
    ['webviewTag', true],
    ['experimentalFeatures', true],
    ['contextIsolation', undefined],
  ])('names %s = %s as a problem', (key, value) => {
    const problems = webPreferencesProblems({ ...good, [key]: value }, { packaged: true });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(key);
  });

  it('names Blink features turned on, DevTools in a packaged build, and no preferences', () => {
    expect(
      webPreferencesProblems({ ...good, enableBlinkFeatures: 'CSSPseudoHas' }, { packaged: true }),
    ).toEqual([expect.stringContaining('enableBlinkFeatures')]);
    expect(webPreferencesProblems({ ...good, devTools: true }, { packaged: true })).toEqual([
      expect.stringContaining('devTools'),
    ]);
    expect(webPreferencesProblems({ ...good, devTools: true }, { packaged: false })).toEqual([]);
    expect(webPreferencesProblems(undefined, { packaged: true })).toHaveLength(1);
  });
});
