import type { Page } from '@playwright/test';

/** Imports parse in a worker that may still be loading jsdom and pdf.js on a cold start. */
export const parsing = { timeout: 30_000 };

export const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });
export const library = (page: Page) => page.getByRole('listbox', { name: 'Articles' });
export const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Import articles' });
/** One file's row in the import dialog's batch. */
export const row = (page: Page, name: string) =>
  importDialog(page).locator('.import-item').filter({ hasText: name });
