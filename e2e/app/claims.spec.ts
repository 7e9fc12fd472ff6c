import type { Page } from '@playwright/test';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';
import { seedTitle } from '../journeys/articles';
import {
  board,
  boardRows,
  claimDetail,
  corpusPages,
  expectRowCount,
  rowQuotes,
  sentenceWith,
} from '../journeys/claims-journey';
import {
  cards,
  dragSelect,
  expectCounts,
  riskSentence,
  words,
} from '../journeys/highlight-journey';
import { openSampleFromEmptyLibrary, reader } from '../journeys/library-journey';

test.use({ viewport: { width: 1440, height: 900 } });

const thesisSentence =
  'Microsoft profitiert von den Entwicklungen und Innovationen, die OpenAI liefert, und kann seine Produkte mit einem klaren Wettbewerbsvorteil ausstatten.';
const library = (page: Page) => page.getByRole('listbox', { name: 'Articles' });
const palette = (page: Page) =>
  page
    .getByRole('dialog')
    .filter({ has: page.getByRole('textbox', { name: 'Search everything' }) });

/** Highlights a whole sentence of the open article with the class key (1, 2 or 3). */
async function highlightSentence(page: Page, sentence: string, key: string) {
  const flat = words(sentence);
  await dragSelect(page, flat.slice(0, 12), flat.slice(-12));
  await page.keyboard.press(key);
}

test('claims board: filter by class, ticker and date; link a risk to a thesis; search and run actions', async ({
  app,
  dataDir,
}) => {
  test.setTimeout(150_000); // one long journey: three imports, four claims, a restart
  const { page, main } = app;
  await page.emulateMedia({ colorScheme: 'light' });

  // 1. The seed and two news pages; companies are found in each on import.
  await openSampleFromEmptyLibrary(page);
  await expect(reader(page).locator('.reader-meta')).toContainText('MSFT, GOOGL, AMZN, META');
  main.dialogs.choose(await corpusPages());
  await page.keyboard.press('ControlOrMeta+KeyO');
  const importDialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(importDialog.getByRole('status')).toContainText('2 imported', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(importDialog).toBeHidden();
  await expect(library(page).getByRole('option')).toHaveCount(3);

  // 2. Claims: a risk and a thesis in the seed (undated), a risk in each news page.
  await library(page)
    .getByRole('option', { name: /Microsoft erleben/ })
    .click();
  await highlightSentence(page, riskSentence, '2');
  await highlightSentence(page, thesisSentence, '1');
  await expectCounts(page, 1, 1, 0);

  await library(page)
    .getByRole('option', { name: /Xbox One X/ })
    .click();
  await expect(reader(page).locator('.reader-meta')).toContainText('MSFT');
  const xboxRisk = await sentenceWith(page, /Xbox One X/, 'Microsoft');
  await highlightSentence(page, xboxRisk, '2');
  await expect(cards(page)).toHaveCount(1);

  await library(page)
    .getByRole('option', { name: /Vision Pro/ })
    .click();
  await expect(reader(page).locator('.reader-meta')).toContainText('AAPL');
  const visionRisk = await sentenceWith(page, /Vision Pro/, 'Apple');
  await highlightSentence(page, visionRisk, '2');
  await expect(cards(page)).toHaveCount(1);

  // 3. The board holds all four; filters combine: Risk + MSFT + published in 2017.
  await page.keyboard.press('ControlOrMeta+Digit2');
  await expect(board(page)).toBeVisible();
  await expectRowCount(page, 4);
  await board(page)
    .getByRole('group', { name: 'Filters' })
    .getByText('Risk', { exact: true })
    .click();
  await expectRowCount(page, 3);
  await board(page).getByRole('combobox', { name: 'Tickers' }).click();
  await page.getByRole('option', { name: 'MSFT', exact: true }).click();
  await page.keyboard.press('Escape');
  await expectRowCount(page, 2);
  expect((await rowQuotes(page)).map(words).sort()).toEqual(
    [words(riskSentence), words(xboxRisk)].sort(),
  );
  await expect(board(page).getByTestId('chart-tickers')).toBeVisible();
  await page.screenshot({ path: join(screenshotsDir, 'claims-board.png') });

  await board(page).getByRole('button', { name: 'Dates, notes…' }).click();
  await page.getByLabel('Published from').fill('2017-01-01');
  await page.getByLabel('Published to').fill('2017-12-31');
  await page.keyboard.press('Escape');
  await expectRowCount(page, 1);
  expect((await rowQuotes(page)).map(words)).toEqual([words(xboxRisk)]);
  const chips = board(page).getByLabel('Active filters');
  await expect(chips).toContainText('Class: Risk');
  await expect(chips).toContainText('Ticker: MSFT');
  await expect(chips).toContainText('Published from 2017-01-01');
  await page.screenshot({ path: join(screenshotsDir, 'claims-board-filtered.png') });
  // Removing a chip widens the filter again.
  await chips.getByRole('button', { name: 'Remove filter Published from 2017-01-01' }).click();
  await chips.getByRole('button', { name: 'Remove filter Published until 2017-12-31' }).click();
  await expectRowCount(page, 2);
  // 3 re-classes the selected claim (it leaves the Risk filter); Ctrl+Z brings it back.
  await boardRows(page)
    .filter({ hasText: words(xboxRisk).slice(0, 30) })
    .click();
  await page.keyboard.press('3');
  await expectRowCount(page, 1);
  await page.keyboard.press('ControlOrMeta+KeyZ');
  await expectRowCount(page, 2);
  await expect(boardRows(page).filter({ hasText: words(xboxRisk).slice(0, 30) })).toContainText(
    'Risk',
  );

  // 4. Link the seed's risk to the thesis as contradicting it: L on the board, then search.
  await chips.getByRole('button', { name: 'Clear all' }).click();
  await expectRowCount(page, 4);
  // A bar of the overview strip filters too: to its ticker, each row carrying it.
  await board(page).getByTestId('chart-tickers').locator('.recharts-bar-rectangle').first().click();
  await expect(chips).toContainText('Ticker: ');
  const picked = (await chips.textContent())!.match(/Ticker: (\S+?)Clear all/)![1]!;
  // The claims whose article carries that ticker, as main lists them.
  const expected = await page.evaluate(async (ticker) => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const all = await api.claims.query({
      filter: {},
      sort: 'created-asc',
      groupBy: 'none',
      offset: 0,
      limit: 100,
    });
    if (!all.ok) throw new Error(all.error.message);
    return all.value.rows.filter((r) => r.tickers.includes(ticker)).length;
  }, picked);
  expect(expected).toBeGreaterThan(0);
  await expectRowCount(page, expected);
  await chips.getByRole('button', { name: 'Clear all' }).click();
  await expectRowCount(page, 4);
  await boardRows(page).filter({ hasText: 'Ein wesentliches Problem' }).click();
  await page.keyboard.press('l');
  const linkDialog = page.getByRole('dialog', { name: 'Link to a thesis claim' });
  await expect(linkDialog).toBeVisible();
  await page.keyboard.press('Alt+KeyC');
  await linkDialog.getByLabel('Find a thesis claim').fill('Wettbewerbsvort');
  await expect(linkDialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(linkDialog).toBeHidden();
  await boardRows(page).filter({ hasText: 'Microsoft profitiert' }).click();
  await expect(claimDetail(page).getByTestId('thesis-balance')).toHaveText(
    '0 supporting · 1 contradicting',
  );
  await expect(claimDetail(page)).toContainText('Ein wesentliches Problem');
  await expect(boardRows(page).filter({ hasText: 'Microsoft profitiert' })).toContainText(
    '▲ 0 · ▼ 1',
  );
  // One click from the balance to the source: the reader opens with the risk selected.
  await claimDetail(page).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(reader(page)).toBeVisible();
  await expect(cards(page).filter({ hasText: 'Ein wesentliches Problem' })).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // 5. Search folds umlauts both ways: "rueckgang" and "Ruckgang" find the seed.
  for (const query of ['rueckgang', 'Ruckgang']) {
    await page.keyboard.press('ControlOrMeta+KeyK');
    await expect(palette(page)).toBeVisible();
    await page.getByRole('textbox', { name: 'Search everything' }).fill(query);
    const found = palette(page).locator('.palette-result-body[data-kind="article"]');
    await expect(found.first()).toContainText(seedTitle.slice(0, 40));
    await expect(found.first().locator('mark').first()).toHaveText('Rückgang');
    if (query === 'Ruckgang') {
      await expect
        .poll(() => palette(page).evaluate((el) => getComputedStyle(el).opacity))
        .toBe('1');
      await page.screenshot({ path: join(screenshotsDir, 'command-palette.png') });
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Escape');
    }
  }
  // Opening the result selects the hit in the reader.
  await expect(reader(page).getByRole('heading', { level: 1 })).toContainText('Microsoft erleben');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Rückgang');

  // 6. Ctrl+K runs an action: a view, or the board filtered to a ticker.
  await page.keyboard.press('ControlOrMeta+KeyK');
  await page.getByRole('textbox', { name: 'Search everything' }).fill('go claims');
  await expect(palette(page).getByRole('button', { name: /Go to Claims board/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(board(page)).toBeVisible();
  await page.keyboard.press('ControlOrMeta+KeyK');
  await page.getByRole('textbox', { name: 'Search everything' }).fill('msft');
  await expect(palette(page).getByRole('button', { name: 'Show claims on MSFT' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(board(page).getByLabel('Active filters')).toContainText('Ticker: MSFT');
  await expectRowCount(page, 3);

  // 7. The search index is a cache: deleted while the app is closed, rebuilt at start.
  await app.restart(() => rm(join(dataDir, 'cache'), { recursive: true, force: true }));
  await page.keyboard.press('ControlOrMeta+KeyK');
  await page.getByRole('textbox', { name: 'Search everything' }).fill('wettbewerbsvorteil');
  await expect(
    palette(page).locator('.palette-result-body[data-kind="claim"]').first(),
  ).toContainText('Wettbewerbsvorteil');
  await page.keyboard.press('Escape');
});
