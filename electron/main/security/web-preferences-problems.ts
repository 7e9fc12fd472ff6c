import type { WebPreferences } from 'electron';

/** Each preference Electron's security checklist requires, with the value it must have. */
const REQUIRED: ReadonlyArray<[keyof WebPreferences, unknown, string]> = [
  ['contextIsolation', true, 'the page must not share a JavaScript world with the preload'],
  ['sandbox', true, 'the renderer must run in Chromium’s sandbox'],
  ['nodeIntegration', false, 'the page must not reach Node'],
  ['nodeIntegrationInWorker', false, 'workers must not reach Node'],
  ['nodeIntegrationInSubFrames', false, 'frames must not reach Node'],
  ['webSecurity', true, 'the same-origin policy must hold'],
  ['allowRunningInsecureContent', false, 'no http content in the page'],
  ['webviewTag', false, 'no <webview> (a second, less guarded renderer)'],
  ['experimentalFeatures', false, 'no experimental web platform features'],
];

/**
 * What is wrong with a window's web preferences, in words; empty when they are as the
 * checklist asks. A missing value counts as wrong: the defaults changed across Electron
 * versions, so Margin states every one.
 */
export function webPreferencesProblems(
  preferences: WebPreferences | undefined,
  { packaged }: { packaged: boolean },
): string[] {
  if (!preferences) return ['the window has no web preferences'];
  const problems = REQUIRED.filter(([key, value]) => preferences[key] !== value).map(
    ([key, value, why]) => `${key} must be ${String(value)}: ${why}`,
  );
  if (preferences.enableBlinkFeatures) {
    problems.push(
      'enableBlinkFeatures must not be set: it turns on features outside the checklist',
    );
  }
  if (packaged && preferences.devTools !== false) {
    problems.push('devTools must be false in a packaged build');
  }
  return problems;
}
