import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import { newsCorpusDir } from '../support/paths';
import { writeTempFiles } from './import-files';

/** The claims board view and its parts. */
export const board = (page: Page) => page.getByRole('region', { name: 'Claims board' });
export const boardRows = (page: Page) =>
  board(page).getByRole('listbox', { name: 'Claims' }).getByRole('option');
export const claimDetail = (page: Page) =>
  board(page).getByRole('complementary', { name: 'Selected claim' });

/** Two real news pages that name listed companies, copied under names of their own. */
export async function corpusPages(): Promise<string[]> {
  return writeTempFiles({
    'engadget-xbox.html': await readFile(join(newsCorpusDir, 'engadget/source.html')),
    'theverge-vision-pro.html': await readFile(join(newsCorpusDir, 'theverge/source.html')),
  });
}

/** The first sentence of the stored article text that contains `word`. */
export async function sentenceWith(page: Page, title: RegExp, word: string): Promise<string> {
  const text = await page.evaluate(async (source) => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const list = await api.articles.list();
    if (!list.ok) throw new Error(list.error.message);
    const summary = list.value.find((a) => new RegExp(source).test(a.title));
    if (!summary) throw new Error(`no article titled ${source}`);
    const article = await api.articles.get({ id: summary.id });
    if (!article.ok) throw new Error(article.error.message);
    return article.value.text;
  }, title.source);
  const sentence = text
    .split(/\n+|(?<=[.!?])\s+/)
    .find((s) => s.includes(word) && s.length > 40 && s.length < 260);
  if (!sentence) throw new Error(`no sentence with ${word}`);
  return sentence;
}

/** The quotes of the rows shown, for exact-row assertions. */
export async function rowQuotes(page: Page): Promise<string[]> {
  return boardRows(page).locator('.claim-row-quote').allTextContents();
}

export async function expectRowCount(page: Page, claims: number): Promise<void> {
  await expect(board(page).getByTestId('board-count')).toHaveText(
    `${claims} ${claims === 1 ? 'claim' : 'claims'}`,
  );
  await expect(boardRows(page)).toHaveCount(claims);
}
