import { expect, type Page } from '@playwright/test';

/**
 * Drops files on the window as the OS would after a drag: a DataTransfer holding File
 * objects, dispatched as dragenter (the drop hint shows) and drop.
 */
export async function dropFiles(
  page: Page,
  files: ReadonlyArray<{ name: string; text: string }>,
): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const file of list) {
      transfer.items.add(new File([file.text], file.name, { type: 'text/plain' }));
    }
    return transfer;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop files to import them')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
}

/** A dropped text file is imported and opened: the whole path from page bytes to reader. */
export async function dropImportJourney(page: Page): Promise<void> {
  await dropFiles(page, [
    {
      name: 'rheinmetall.txt',
      text: 'Rheinmetall erhöht die Prognose\n\nDer Auftragsbestand erreichte 55 Mrd. €. Die Aktie legte um 4 % zu.',
    },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByRole('status')).toContainText('Done: 1 of 1 · 1 imported', {
    timeout: 30_000,
  });
  await page.keyboard.press('Escape');
  await expect(
    page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 }),
  ).toHaveText('Rheinmetall erhöht die Prognose');
}
