import { expect, type Page } from '@playwright/test';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import {
  frenchParagraphs,
  frenchText,
  frenchTitle,
  seedParagraphs,
  seedCanonicalText,
  seedTitle,
} from './articles';

export interface JourneyApp {
  page: Page;
  /** Quit and relaunch over the same data folder; resolves with the new window. */
  restart(): Promise<Page>;
  /** Called at the views worth a picture in docs/screenshots/. */
  screenshot?(name: 'empty-library' | 'library' | 'add-article', page: Page): Promise<void>;
}

const library = (page: Page) => page.getByRole('listbox', { name: 'Articles' });
export const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });
const readerParagraphs = (page: Page) => reader(page).locator('article p');

/** What `window.workbench` returns for the article with this title: the stored text. */
export async function storedText(page: Page, title: string): Promise<string> {
  return page.evaluate(async (wanted) => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const list = await api.articles.list();
    if (!list.ok) throw new Error(list.error.message);
    const summary = list.value.find((a) => a.title === wanted);
    if (!summary) throw new Error(`no article titled ${wanted}`);
    const article = await api.articles.get({ id: summary.id });
    if (!article.ok) throw new Error(article.error.message);
    return article.value.text;
  }, title);
}

export async function openSampleFromEmptyLibrary(
  page: Page,
  beforeOpening?: () => Promise<void>,
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(page.getByText(`Sample: “${seedTitle}” (German)`)).toBeVisible();
  await beforeOpening?.();
  await page.getByRole('button', { name: 'Open the sample article' }).click();
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(seedTitle);
  await expect(reader(page).locator('article')).toHaveAttribute('lang', 'de');
  await expect(readerParagraphs(page)).toHaveText(seedParagraphs);
}

/**
 * The walking skeleton's slice: empty state → sample article → paste a second article →
 * both listed with their inferred titles → restart → both still there, text identical.
 */
export async function libraryJourney(app: JourneyApp) {
  let page = app.page;
  await openSampleFromEmptyLibrary(
    page,
    () => app.screenshot?.('empty-library', page) ?? Promise.resolve(),
  );
  await expect(library(page).getByRole('option')).toHaveText([new RegExp(escape(seedTitle))]);
  await app.screenshot?.('library', page);

  await page.keyboard.press('ControlOrMeta+KeyN');
  const dialog = page.getByRole('dialog', { name: 'Add article' });
  await expect(dialog.getByLabel('Article text')).toBeFocused();
  await dialog.getByLabel('Article text').fill(frenchText);
  await expect(dialog.getByLabel('Title')).toHaveAttribute('placeholder', frenchTitle);
  await dialog.getByLabel('Source').fill('Les Echos');
  await app.screenshot?.('add-article', page);
  await dialog.getByLabel('Article text').press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();

  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(frenchTitle);
  await expect(reader(page).locator('article')).toHaveAttribute('lang', 'fr');
  await expect(library(page).locator('.article-option-title')).toHaveText([frenchTitle, seedTitle]);
  await expect(library(page).getByRole('option').first()).toContainText('Les Echos · French');

  page = await app.restart();

  await expect(library(page).locator('.article-option-title')).toHaveText([frenchTitle, seedTitle]);
  expect(await storedText(page, frenchTitle)).toBe(frenchText);
  expect(await storedText(page, seedTitle)).toBe(seedCanonicalText);

  // Keyboard: focus the list, open with Enter (the focus moves into the reader), Esc back
  // to the list, move down to the sample, open it with Enter.
  await library(page).focus();
  await page.keyboard.press('Enter');
  await expect(readerParagraphs(page)).toHaveText(frenchParagraphs.slice(1));
  await expect(reader(page).locator('article')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(library(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(seedTitle);
  await expect(readerParagraphs(page)).toHaveText(seedParagraphs);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
