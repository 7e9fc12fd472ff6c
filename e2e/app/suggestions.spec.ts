import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import { suggestClaims } from '../../shared/suggestions/suggest-claims';
import { expect, test } from '../support/fixtures';
import { blockNodeNetwork } from '../support/node-network-guard';
import { screenshotsDir } from '../support/paths';
import { seedCanonicalText } from '../journeys/articles';
import { openSampleFromEmptyLibrary, reader } from '../journeys/library-journey';
import { annotationsFile, expectCounts, storedHighlights } from '../journeys/highlight-journey';

test.use({ viewport: { width: 1440, height: 900 } });

/** What Margin's scorer proposes for the seed article, computed here from the same text. */
const expected = suggestClaims(seedCanonicalText, 'de');
const sentence = (i: number) => seedCanonicalText.slice(expected[i]!.start, expected[i]!.end);

const bar = (page: Page) => page.getByRole('region', { name: 'Suggested claims' });
const current = (page: Page) => bar(page).getByTestId('current-suggestion');

/** The text of every painted suggestion (all classes), one entry per sentence. */
const paintedSuggestions = (page: Page) =>
  page.evaluate(() =>
    ['margin-suggest-thesis', 'margin-suggest-risk', 'margin-suggest-evidence'].flatMap((name) =>
      [...((CSS.highlights.get(name) as Set<Range> | undefined) ?? [])].map((r) => r.toString()),
    ),
  );

test('suggest claims: accept two with Enter, re-class one with 2, dismiss one, restart', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await openSampleFromEmptyLibrary(page);
  expect(expected.length).toBeGreaterThan(8);
  const firstThesis = expected.findIndex((s) => s.claimClass === 'thesis');

  // S: the suggestions appear, dashed, with the first one current and its reasons shown.
  await reader(page).locator('article').focus();
  await page.keyboard.press('s');
  await expect(bar(page)).toContainText(`${expected.length} suggestions`);
  await expect(current(page)).toContainText(
    `${expected[0]!.claimClass === 'risk' ? 'Risk' : 'Thesis'} · `,
  );
  await expect(current(page)).toContainText(expected[0]!.reasons.join(', '));
  expect(await paintedSuggestions(page)).toHaveLength(expected.length);

  // Hovering a dashed sentence shows why it is suggested.
  const thesisWords = sentence(firstThesis).slice(0, 30);
  await reader(page).getByText(thesisWords).hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText(`Suggested thesis`);
  await expect(tip).toContainText(expected[firstThesis]!.reasons.join(', '));
  await page.screenshot({ path: join(screenshotsDir, 'suggest-claims.png') });
  await page.mouse.move(5, 5);

  // Enter accepts the current one (the first), Tab skips to the third, Enter accepts it.
  await page.keyboard.press('Enter');
  await expectCounts(page, ...countsOf([expected[0]!.claimClass]));
  await expect(current(page)).toContainText(expected[1]!.reasons.join(', '));
  // Ctrl+Z takes the highlight away and the sentence is suggested again; Shift+Tab goes
  // back to it and Enter accepts it once more (its cues are counted once).
  await page.keyboard.press('Control+z');
  await expectCounts(page, 0, 0, 0);
  await expect(bar(page)).toContainText(`${expected.length} suggestions`);
  await page.keyboard.press('Shift+Tab');
  await expect(current(page)).toContainText(expected[0]!.reasons.join(', '));
  await page.keyboard.press('Enter');
  await expectCounts(page, ...countsOf([expected[0]!.claimClass]));
  await expect(current(page)).toContainText(expected[1]!.reasons.join(', '));
  await page.keyboard.press('Tab');
  await expect(current(page)).toContainText(expected[2]!.reasons.join(', '));
  await page.keyboard.press('Enter');
  // A decision moves on by itself: the fourth is re-classed with 2 (accepted as risk), the
  // fifth dismissed with Backspace.
  await expect(current(page)).toContainText(expected[3]!.reasons.join(', '));
  await page.keyboard.press('2');
  await expect(current(page)).toContainText(expected[4]!.reasons.join(', '));
  await page.keyboard.press('Backspace');
  await expect(bar(page)).toContainText(`${expected.length - 4} suggestions`);
  await expect(bar(page)).toContainText('1 dismissed');
  const classes = [expected[0]!.claimClass, expected[2]!.claimClass, 'risk' as const];
  await expectCounts(page, ...countsOf(classes));

  // On disk: three highlights with the sentences' words, and the dismissed sentence.
  const stored = await storedHighlights(dataDir);
  expect(stored.map((h) => [h.selectors.quote.exact, h.claimClass]).sort()).toEqual(
    [0, 2, 3].map((i, n) => [sentence(i), classes[n]]).sort(),
  );
  const annotations = JSON.parse(await readFile(await annotationsFile(dataDir), 'utf8')) as {
    dismissedSuggestions: Array<{ start: number; end: number }>;
  };
  expect(annotations.dismissedSuggestions).toEqual([
    { start: expected[4]!.start, end: expected[4]!.end },
  ]);

  // The decisions are counted per cue: accepted, re-classed and dismissed.
  const stats = await page.evaluate(async () => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const settings = await api.suggestions.settings();
    if (!settings.ok) throw new Error(settings.error.message);
    return settings.value.cueStats;
  });
  const total = (key: 'accepted' | 'reclassed' | 'dismissed') =>
    stats.reduce((sum, s) => sum + s[key], 0);
  const cuesOf = (i: number) => expected[i]!.cues.length;
  expect(total('accepted')).toBe(cuesOf(0) + cuesOf(2));
  expect(total('reclassed')).toBe(expected[3]!.claimClass === 'risk' ? 0 : cuesOf(3));
  expect(total('dismissed')).toBe(cuesOf(4));

  // Restart: the accepted ones are highlights, the dismissed one does not come back.
  await app.restart();
  await page.getByRole('option').first().click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toBeVisible();
  await expectCounts(page, ...countsOf(classes));
  await reader(page).locator('article').focus();
  await page.keyboard.press('s');
  await expect(bar(page)).toContainText(`${expected.length - 4} suggestions`);
  await expect(bar(page)).toContainText('1 dismissed');
  const painted = (await paintedSuggestions(page)).join('\n');
  for (const i of [0, 2, 3, 4]) expect(painted).not.toContain(sentence(i));
  expect(painted).toContain(sentence(1));

  // A selected highlight's keys come first: j selects the first one, 3 re-classes it
  // (no suggestion is taken), Esc deselects it; the next Esc ends Suggest mode.
  await page.keyboard.press('j');
  await page.keyboard.press('3');
  await expectCounts(page, ...countsOf(['evidence', classes[1]!, classes[2]!]));
  await expect(bar(page)).toContainText(`${expected.length - 4} suggestions`);
  await page.keyboard.press('Escape');
  await expect(bar(page)).toBeVisible();

  // Esc ends Suggest mode: nothing dashed is left.
  await page.keyboard.press('Escape');
  await expect(bar(page)).toHaveCount(0);
  expect(await paintedSuggestions(page)).toEqual([]);
});

function countsOf(classes: readonly string[]): [number, number, number] {
  const n = (c: string) => classes.filter((x) => x === c).length;
  return [n('thesis'), n('risk'), n('evidence')];
}

test('suggestions work with the network blocked in Chromium and in Node, and make no request', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await openSampleFromEmptyLibrary(page);

  // From here on: Chromium is offline and every request it tries is recorded; main's
  // handlers (in this process) cannot open a socket, look up a name or fetch.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.context().setOffline(true);
  const node = blockNodeNetwork();
  try {
    // The guards are real: an image the page asks for (its CSP allows its own origin)
    // fails and is seen, and a socket from Node is refused.
    const image = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const probe = new Image();
          probe.onload = () => resolve('loaded');
          probe.onerror = () => resolve('failed');
          probe.src = `/offline-probe.png?${Date.now()}`;
        }),
    );
    expect(image).toBe('failed');
    expect(requests).toHaveLength(1);
    expect(() => net.connect(9, '127.0.0.1')).toThrow(/Network blocked/);
    expect(node.attempts).toHaveLength(1);
    requests.length = 0;
    node.attempts.length = 0;

    await reader(page).locator('article').focus();
    await page.keyboard.press('s');
    await expect(bar(page)).toContainText(`${expected.length} suggestions`);
    await page.keyboard.press('Enter');
    await expect(current(page)).toContainText(expected[1]!.reasons.join(', '));
    await page.keyboard.press('Backspace');
    await expect(bar(page)).toContainText(`${expected.length - 2} suggestions`);
    await expect(bar(page)).toContainText('1 dismissed');
    await expectCounts(page, ...countsOf([expected[0]!.claimClass]));
  } finally {
    node.restore();
    await page.context().setOffline(false);
  }
  expect(await storedHighlights(dataDir)).toHaveLength(1);
  expect(requests).toEqual([]);
  expect(node.attempts).toEqual([]);
});
