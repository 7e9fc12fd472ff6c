import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  makeSimplePdf,
  SIMPLE_TITLE,
} from '../../electron/main/features/import/__tests__/fixtures/make-pdf';
import { MARKDOWN_NOTE, writeTempFiles } from '../journeys/import-files';
import { importDialog, library, parsing, reader, row } from '../journeys/import-dialog';
import { expect, test } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';

test.use({ viewport: { width: 1440, height: 900 } });

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('"Open with Margin" imports the files into the running window and opens the last one', async ({
  app,
}) => {
  const { page, main } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('button', { name: 'Import files' })).toBeVisible();
  const paths = await writeTempFiles({
    'sap-notiz.md': MARKDOWN_NOTE,
    'quartalsbericht.pdf': await makeSimplePdf(),
    'kaputt.pdf': 'This is not a PDF at all.',
  });

  // What the OS does when the analyst picks "Open with Margin" on three files.
  main.openWith(paths);

  await expect(importDialog(page).getByRole('status')).toContainText(
    'Done: 3 of 3 · 2 imported · 1 failed',
    parsing,
  );
  await expect(row(page, 'sap-notiz.md').locator('.import-status')).toHaveText('Imported');
  await expect(row(page, 'quartalsbericht.pdf').locator('.import-status')).toHaveText('Imported');
  await expect(row(page, 'kaputt.pdf')).toContainText(
    "Couldn't import 'kaputt.pdf': the file is not a PDF, or it is damaged.",
  );
  await page.screenshot({ path: join(screenshotsDir, 'open-with-import.png') });
  await page.keyboard.press('Escape');

  // The failed file left nothing behind; the last imported article is open in the reader.
  await expect(library(page).getByRole('option')).toHaveCount(2);
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(SIMPLE_TITLE);

  // A second "Open with" while Margin runs (a second launch with a path) imports too.
  const [again] = await writeTempFiles({
    'notiz-2.md': MARKDOWN_NOTE.replace(/SAP – Notiz zum dritten Quartal/g, 'SAP – zweite Notiz'),
  });
  main.openWith([again!]);
  await expect(row(page, 'notiz-2.md').locator('.import-status')).toHaveText('Imported', parsing);
  await page.keyboard.press('Escape');
  await expect(library(page).getByRole('option')).toHaveCount(3);
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText('SAP – zweite Notiz');
});

test('a file handed to a page that then went away is imported by the next page', async ({
  app,
}) => {
  const { page, main } = app;
  await expect(page.getByRole('button', { name: 'Import files' })).toBeVisible();
  const appUrl = page.url();
  // The page leaves (a reload after a restore does this) while its call waits in main…
  await page.goto('about:blank');
  const [note] = await writeTempFiles({ 'sap-notiz.md': MARKDOWN_NOTE });
  main.openWith([note!]); // …so main answers a page that is gone.
  await page.goto(appUrl);
  await expect(row(page, 'sap-notiz.md').locator('.import-status')).toHaveText('Imported', parsing);
  await page.keyboard.press('Escape');
  await expect(library(page).getByRole('option')).toHaveCount(1);
});

test('opening files still works after main restarts the library', async ({ app }) => {
  const { page, main } = app;
  await expect(page.getByRole('button', { name: 'Import files' })).toBeVisible();
  await app.restart();
  const [note] = await writeTempFiles({ 'sap-notiz.md': MARKDOWN_NOTE });
  main.openWith([note!]);
  await expect(row(page, 'sap-notiz.md').locator('.import-status')).toHaveText('Imported', parsing);
  await page.keyboard.press('Escape');
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(
    'SAP – Notiz zum dritten Quartal',
  );
});

test('Help → About Margin and Help → Report a problem open in the window', async ({ app }) => {
  const { page, main } = app;
  await expect(page.getByRole('button', { name: 'Import files' })).toBeVisible();
  main.menu('showAbout');
  const about = page.getByRole('dialog', { name: 'About Margin' });
  await expect(about).toBeVisible();
  await expect(about).toContainText(version);
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();

  main.menu('reportProblem');
  const report = page.getByRole('dialog', { name: 'Report a problem' });
  await expect(report).toBeVisible();
  await expect(report.getByRole('textbox')).toHaveValue(/Nothing was sent/);
});
