import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';
import { libraryJourney, openSampleFromEmptyLibrary } from '../journeys/library-journey';

test.use({ viewport: { width: 1440, height: 900 } });

test('paste → stored durably → listed → still there, byte for byte, after a restart', async ({
  app,
}) => {
  await app.page.emulateMedia({ colorScheme: 'light' });
  await rm(join(screenshotsDir, 'library.png'), { force: true }); // this run must make it
  await libraryJourney({
    page: app.page,
    restart: async () => {
      await app.restart();
      return app.page;
    },
    screenshot: async (name, page) => {
      await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
    },
  });

  const png = await readFile(join(screenshotsDir, 'library.png'));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1440); // width, from the IHDR chunk
  expect((await stat(join(screenshotsDir, 'library.png'))).size).toBeGreaterThan(40_000); // a rendered page, not a blank one
});

test('follows the OS into dark mode', async ({ app }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await openSampleFromEmptyLibrary(app.page);
  await expect(app.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const background = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await app.page.screenshot({ path: join(screenshotsDir, 'library-dark.png') });
});

test('runs under the strict Content-Security-Policy and never gets Node', async ({ app }) => {
  const policy = await app.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  await openSampleFromEmptyLibrary(app.page);
  const page = await app.page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    inlineScriptRan: (() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    })(),
  }));
  expect(page).toEqual({ require: 'undefined', process: 'undefined', inlineScriptRan: false });
  await expect.poll(() => app.cspViolations.join('\n')).toContain('script-src-elem blocked inline');
  app.cspViolations.length = 0; // the one violation this test provoked on purpose
});

test('an empty paste gets a clear message and adds nothing', async ({ app }) => {
  const { page } = app;
  await page
    .getByRole('button', { name: /^Add article/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Add article' });
  await dialog.getByLabel('Article text').fill('   \n\n  ');
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(page.getByText("Couldn't add the article")).toBeVisible();
  await expect(
    page.getByText('There is no text to add: paste the article text into the box first.'),
  ).toBeVisible();
  await expect(dialog).toBeVisible(); // the analyst keeps what they typed
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
});

test('a damaged library.json is set aside, named, and the list rebuilt', async ({ app }) => {
  await openSampleFromEmptyLibrary(app.page);
  await app.main.stop();
  await writeFile(join(app.main.dataDir, 'library.json'), '{"schemaVersion":1,"articles":[{"trunc');
  await app.restart();

  await expect(app.page.getByText('library.json was damaged')).toBeVisible();
  await expect(app.page.getByText(/set it aside as library\.json\.corrupt-/)).toBeVisible();
  await expect(app.page.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveCount(
    1,
  );
});
