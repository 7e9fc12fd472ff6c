import { writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { AppError } from '../../electron/main/errors/app-error';
import { packageVersion } from '../../electron/main/test-support/package-version';
import { openSampleFromEmptyLibrary } from '../journeys/library-journey';
import { expect, test } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';

test.use({ viewport: { width: 1440, height: 900 } });

const palette = (page: Page) =>
  page
    .getByRole('dialog')
    .filter({ has: page.getByRole('textbox', { name: 'Search everything' }) });

/** Ctrl+K, type, and run the action the palette offers under `label`. */
async function runFromPalette(page: Page, typed: string, label: string) {
  await page.keyboard.press('ControlOrMeta+KeyK');
  await page.getByRole('textbox', { name: 'Search everything' }).fill(typed);
  await expect(palette(page).getByRole('button', { name: label, exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
}

/** A modal once its opening transition is over (for a screenshot). */
async function settled(dialog: Locator) {
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
}

test('About Margin from the palette: version, the real data folder, opening it, licenses', async ({
  app,
}) => {
  const { page, main } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();

  await runFromPalette(page, 'About', 'About Margin');
  const about = page.getByRole('dialog', { name: 'About Margin' });
  await expect(about.getByText(`Version ${packageVersion()}`, { exact: true })).toBeVisible();
  const versions = about.getByRole('table', { name: 'Versions' });
  // Main runs in Node in these tests: no Electron, and the window says so.
  await expect(versions.getByRole('row', { name: /^Electron/ })).toContainText(
    'not running in Electron',
  );
  await expect(versions.getByRole('row', { name: /^Node\.js/ })).toContainText(
    process.versions.node,
  );
  await expect(about.getByRole('group', { name: 'Data folder' }).locator('code')).toHaveText(
    main.dataDir,
  );
  await expect(about.getByRole('group', { name: 'Log folder' }).locator('code')).toHaveText(
    main.logDir,
  );

  await about.getByRole('button', { name: 'Open data folder' }).click();
  await expect.poll(() => [...main.desktop.opened]).toEqual([main.dataDir]);

  // The licenses the build wrote (`test:e2e` builds first, so the list is never empty).
  const heading = about.getByRole('heading', { name: /^Third-party licenses \(\d+\)$/ });
  await expect(heading).toBeVisible();
  const count = Number((await heading.textContent())?.match(/\((\d+)\)/)?.[1]);
  expect(count).toBeGreaterThan(100);
  const list = about.getByRole('list', { name: 'Third-party licenses' });
  await expect(list.getByRole('listitem')).toHaveCount(count);
  await about.getByRole('textbox', { name: 'Filter the licenses' }).fill('zod');
  const zod = list.getByRole('listitem').filter({ hasText: /^▸?zod/ });
  await expect(zod.first()).toBeVisible();
  // Opened from the keyboard: its license text appears.
  await zod.first().locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(zod.first().locator('.license-text')).toContainText('MIT License');
  await page.keyboard.press('Enter');
  await about.getByRole('textbox', { name: 'Filter the licenses' }).fill('');
  await list.getByRole('listitem').nth(1).locator('summary').click();

  await settled(about);
  await page.screenshot({ path: join(screenshotsDir, 'about.png') });

  // The OS refusing to show a folder reads as a message in the window.
  main.desktop.failWith(
    new AppError('OPEN_FAILED', `Margin could not show “${main.logDir}” in your file manager.`),
  );
  await about.getByRole('button', { name: 'Open log folder' }).click();
  await expect(about.getByRole('alert')).toContainText('The folder could not be shown');
  await expect(about.getByRole('alert')).toContainText(`could not show “${main.logDir}”`);
  main.desktop.failWith(null);

  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();

  // Settings has its way in too.
  await page.keyboard.press('ControlOrMeta+Digit4');
  await page.getByRole('button', { name: 'About Margin…' }).click();
  await expect(about).toBeVisible();
  await expect(about.getByRole('alert')).toHaveCount(0); // the earlier failure is not kept
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('Report a problem from the palette: versions and the log’s end, no home folder, copied', async ({
  app,
}) => {
  const { page, main } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSampleFromEmptyLibrary(page);
  const home = homedir();
  const lastLine = '[2026-11-25 09:12:44.108] [warn] Index: could not read its cache; rebuilding.';
  await writeFile(
    join(main.logDir, 'main.log'),
    [
      '[2026-11-25 09:12:40.001] [info] Margin 0.1.0 started',
      `[2026-11-25 09:12:41.560] [info] Imported ${join(home, 'Documents', 'Q3 note.pdf')}`,
      `[2026-11-25 09:12:43.002] [warn] Store: could not read ${join(home, '.config/Margin/library/library.json')}`,
      lastLine,
      '',
    ].join('\n'),
  );

  await runFromPalette(page, 'report a problem', 'Report a problem…');
  const dialog = page.getByRole('dialog', { name: 'Report a problem' });
  await expect(dialog.getByText(/Margin sends nothing by itself/)).toBeVisible();
  const textbox = dialog.getByRole('textbox', { name: 'Report' });
  await expect(textbox).toHaveValue(/Nothing was sent\. Review this text before sharing it/);
  const report = await textbox.inputValue();
  expect(report).toContain(`Margin:      ${packageVersion()}\n`);
  expect(report).toContain('Library:     1 article, 0 highlights, 0 memos');
  expect(report).toContain(`${lastLine}\n`);
  expect(report).toContain('Imported ~/Documents/Q3 note.pdf');
  expect(report).not.toContain(home);
  await expect(textbox).toHaveAttribute('readonly');

  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);
  await settled(dialog);
  await page.screenshot({ path: join(screenshotsDir, 'problem-report.png') });

  // A refused clipboard: the report is selected, and the window says to press Ctrl+C.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await expect(dialog.getByRole('button', { name: 'Copy to clipboard' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Copy to clipboard' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/press (Ctrl\+C|⌘C) to copy it/);
  await expect(textbox).toBeFocused();
  expect(
    await textbox.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart),
  ).toBe(report.length);

  await dialog.getByRole('button', { name: 'Open log folder' }).click();
  await expect.poll(() => [...main.desktop.opened]).toEqual([main.logDir]);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
