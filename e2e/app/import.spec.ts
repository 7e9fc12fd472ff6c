import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  makeEncryptedPdf,
  makePng,
  makeScannedPdf,
  makeSimplePdf,
  SECRET_TEXT,
  SIMPLE_TITLE,
} from '../../electron/main/features/import/__tests__/fixtures/make-pdf';
import { makeResearchDocx } from '../../electron/main/features/import/__tests__/fixtures/make-docx';
import { startLocalHttpServer } from '../../electron/main/test-support/local-http-server';
import {
  hostileEml,
  hostileHtml,
  hostileMarkdown,
  HOSTILE_MARKER,
} from '../journeys/hostile-content';
import { BROKER_EML, MARKDOWN_NOTE, writeTempFiles } from '../journeys/import-files';
import { dropFiles, dropImportJourney } from '../journeys/drop-files';
import { importDialog, library, parsing, reader, row } from '../journeys/import-dialog';
import { expect, test } from '../support/fixtures';
import { newsCorpusDir, screenshotsDir } from '../support/paths';

test.use({ viewport: { width: 1440, height: 900 } });

async function openArticle(page: Page, title: string | RegExp) {
  await library(page).getByRole('option', { name: title }).first().click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(title);
}

test('imports a batch by Ctrl+O: progress, each file’s outcome, and the news article in the reader', async ({
  app,
}) => {
  const { page, main } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  const heise = await readFile(join(newsCorpusDir, 'heise/source.html'));
  const paths = await writeTempFiles({
    'heise-1password.html': heise,
    'sap-notiz.md': MARKDOWN_NOTE,
    'siemens-kaufempfehlung.eml': BROKER_EML,
    'quartalsbericht.pdf': await makeSimplePdf(),
    'research.docx': await makeResearchDocx(),
    'scan.pdf': await makeScannedPdf(),
    'leer.txt': '',
    'screenshot.txt': makePng(32, 32), // an image named .txt
  });
  main.dialogs.choose(paths);

  // Catch the batch in the middle for the screenshot: hold the fourth file's import.
  const held = main.hold('import:file', { afterCalls: 3 });
  await page.keyboard.press('ControlOrMeta+KeyO');
  await expect(row(page, 'siemens-kaufempfehlung.eml').locator('.import-status')).toHaveText(
    'Imported',
    parsing,
  );
  await expect(row(page, 'quartalsbericht.pdf').locator('.import-status')).toHaveText('Importing…');
  await expect(importDialog(page).getByRole('status')).toContainText('Importing 4 of 8');
  await expect(importDialog(page).getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: join(screenshotsDir, 'import-batch.png') });
  held.release();

  await expect(importDialog(page).getByRole('status')).toContainText(
    'Done: 8 of 8 · 5 imported · 3 failed',
    parsing,
  );
  for (const name of [
    'heise-1password.html',
    'sap-notiz.md',
    'siemens-kaufempfehlung.eml',
    'quartalsbericht.pdf',
    'research.docx',
  ]) {
    await expect(row(page, name).locator('.import-status')).toHaveText('Imported');
  }
  await expect(row(page, 'scan.pdf')).toContainText(
    "Couldn't import 'scan.pdf': this PDF has no text layer (a scan). Margin cannot read it yet.",
  );
  await expect(row(page, 'leer.txt')).toContainText(
    "Couldn't import 'leer.txt': the file is empty.",
  );
  await expect(row(page, 'screenshot.txt')).toContainText(
    "Couldn't import 'screenshot.txt': the file is named .txt but it is a PNG image.",
  );
  await page.keyboard.press('Escape');
  await expect(library(page).getByRole('option')).toHaveCount(5);

  // Each format lands with its structure and metadata.
  await openArticle(page, 'SAP – Notiz zum dritten Quartal');
  await expect(reader(page).locator('.reader-meta')).toContainText('Jana Weber');
  await expect(reader(page).locator('table th')).toHaveText(['Kennzahl', 'Q3 2026', 'Q3 2025']);
  await expect(reader(page).locator('blockquote')).toContainText(
    '„Wir sehen eine starke Nachfrage',
  );
  await expect(reader(page).locator('ul ul li')).toHaveText([
    'Währungseffekte',
    'Konkurrenz durch Salesforce',
  ]);

  await openArticle(page, 'Siemens: Kaufempfehlung bestätigt');
  await expect(reader(page).locator('.reader-meta')).toContainText('Equity Research');
  await expect(reader(page).locator('article')).toContainText('Kursziel von 210 €');

  await openArticle(page, SIMPLE_TITLE);
  await expect(reader(page).locator('.reader-page').first()).toHaveText('p. 1');

  await openArticle(page, '1Password für Mac generiert Einmal-Passwörter');
  await expect(reader(page).locator('article')).toHaveAttribute('lang', 'de');
  await expect(reader(page).locator('.reader-meta')).toContainText('Mac & i');
  await page.screenshot({ path: join(screenshotsDir, 'reader-news-article.png') });
});

test('hostile markup through paste, .html, .eml, .md and a URL never runs and never calls out', async ({
  app,
  context,
}) => {
  const { page, main } = app;
  const appOrigin = new URL(page.url()).origin;
  const outbound: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(appOrigin)) outbound.push(request.url());
  });
  // The page's traps point back at the same server, so any request they made would show.
  const server = await startLocalHttpServer({
    '/bericht': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(hostileHtml(server.origin, 'URL')),
  });
  const home = server.origin;
  try {
    const paths = await writeTempFiles({
      'falle.html': hostileHtml(home, 'Datei'),
      'falle.eml': hostileEml(home),
      'falle.md': hostileMarkdown(home),
    });
    main.dialogs.choose(paths);
    await page.keyboard.press('ControlOrMeta+KeyO');
    await expect(importDialog(page).getByRole('status')).toContainText(
      'Done: 3 of 3 · 3 imported',
      parsing,
    );

    // A URL, fetched by main because the analyst asked: the only request to another host.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Shift+KeyO');
    await expect(importDialog(page).getByLabel('Web address', { exact: true })).toBeFocused();
    await page.keyboard.type(`${home}/bericht`);
    await page.keyboard.press('Enter');
    await expect(importDialog(page).getByRole('status')).toContainText(
      'Done: 1 of 1 · 1 imported',
      parsing,
    );
    expect(server.requests).toEqual(['/bericht']);
    await page.keyboard.press('Escape');

    // Paste: the clipboard's HTML flavour goes through the same pipeline.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.keyboard.press('ControlOrMeta+KeyN');
    const add = page.getByRole('dialog', { name: 'Add article' });
    const html = hostileHtml(home, 'Einfügen');
    await page.evaluate(async (markup) => {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([markup], { type: 'text/html' }),
          'text/plain': new Blob(['Quartalsbericht mit Fallen (Einfügen)'], { type: 'text/plain' }),
        }),
      ]);
    }, html);
    // Chromium's clipboard parses HTML written to it in this page to sanitize it: the CSP
    // blocks and reports the handlers in it. Those reports come from the test's own write;
    // any report after this line fails the test.
    app.cspViolations.length = 0;
    await add.getByLabel('Article text').focus();
    await page.keyboard.press('ControlOrMeta+KeyV');
    await expect(add.getByText('Formatted text pasted')).toBeVisible();
    await add.getByRole('button', { name: 'Add to library' }).click();
    await expect(add).toBeHidden();

    for (const title of [
      'Quartalsbericht mit Fallen (Einfügen)',
      'Quartalsbericht mit Fallen (URL)',
      'Notiz mit Fallen',
      'Quartalsbericht mit Fallen – E-Mail',
      'Quartalsbericht mit Fallen (Datei)',
    ]) {
      await openArticle(page, title);
      await expect(reader(page).locator('article')).toContainText(HOSTILE_MARKER);
      const hrefs = await reader(page)
        .locator('article a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs).toContain(`${home}/ok`); // the one honest link survives…
      for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/); // …and only such
      await expect(
        reader(page).locator(
          'article iframe, article img, article svg, article form, article script',
        ),
      ).toHaveCount(0);
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    expect(outbound).toEqual([]);
    expect(server.requests).toEqual(['/bericht']);
  } finally {
    await server.close();
  }
});

test('drop files on the window; a duplicate says so and can become a new version; details can be corrected', async ({
  app,
}) => {
  const { page } = app;
  const note =
    'Rheinmetall erhöht die Prognose\n\nDer Auftragsbestand erreichte 55 Mrd. €. Die Aktie legte um 4 % zu.';
  await dropImportJourney(page);

  await dropFiles(page, [{ name: 'rheinmetall-kopie.txt', text: `${note}\n` }]);
  await expect(row(page, 'rheinmetall-kopie.txt').locator('.import-status')).toHaveText(
    'Already in your library',
  );
  await row(page, 'rheinmetall-kopie.txt')
    .getByRole('button', { name: 'Import as new version' })
    .click();
  await expect(row(page, 'rheinmetall-kopie.txt').locator('.import-status')).toHaveText(
    'Imported',
    parsing,
  );
  await page.keyboard.press('Escape');
  await expect(library(page).getByRole('option')).toHaveCount(2);
  await expect(library(page).getByRole('option').first()).toContainText('New version');

  // Rheinmetall is found in the text on import: its ticker is already there.
  await expect(reader(page).locator('.reader-meta')).toContainText('German · RHM');
  await reader(page).getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('dialog', { name: 'Article details' });
  await details.getByLabel('Title').fill('Rheinmetall: Prognose erhöht');
  await details.getByLabel('Source').fill('Handelsblatt');
  await details.getByLabel('Tickers').fill('RHM.DE');
  await details.getByLabel('Tickers').press('Enter');
  await details.getByLabel('URL').fill('javascript:alert(1)');
  await expect(details.getByText('Only http and https addresses.')).toBeVisible();
  await details.getByLabel('URL').fill('https://www.handelsblatt.com/rheinmetall');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(
    'Rheinmetall: Prognose erhöht',
  );
  await expect(reader(page).locator('.reader-meta')).toContainText(
    'Handelsblatt · German · RHM, RHM.DE',
  );

  await app.restart();
  await expect(library(page).getByRole('option').first()).toContainText(
    'Rheinmetall: Prognose erhöht',
  );
  await library(page).getByRole('option').first().click();
  await expect(reader(page).locator('.reader-meta')).toContainText('RHM, RHM.DE');
});

test('an encrypted PDF asks for its password; a wrong one says so', async ({ app }) => {
  const { page, main } = app;
  main.dialogs.choose(await writeTempFiles({ 'bewertung.pdf': await makeEncryptedPdf('geheim') }));
  await page.keyboard.press('ControlOrMeta+KeyO');
  const item = row(page, 'bewertung.pdf');
  await expect(item.locator('.import-status')).toHaveText('Password needed', parsing);
  await item.getByLabel('Password for bewertung.pdf').fill('falsch');
  await item.getByRole('button', { name: 'Unlock' }).click();
  await expect(item).toContainText(
    "Couldn't import 'bewertung.pdf': the password is not correct for this PDF.",
  );
  await item.getByLabel('Password for bewertung.pdf').fill('geheim');
  await item.getByRole('button', { name: 'Unlock' }).click();
  await expect(item.locator('.import-status')).toHaveText('Imported');
  await page.keyboard.press('Escape');
  await expect(reader(page).locator('article')).toContainText(SECRET_TEXT);
});
