import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';
import { cards, dragSelect, riskSentence, words } from '../journeys/highlight-journey';
import { openSampleFromEmptyLibrary, reader } from '../journeys/library-journey';
import {
  citations,
  claimsByClass,
  evidenceSentence,
  expectSaved,
  firstBlockOf,
  linkClaims,
  memoClaims,
  memoList,
  memoText,
  memoWorkspace,
  sectionText,
  thesisSentence,
} from '../journeys/memo-journey';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

async function highlightSentence(page: Page, sentence: string, key: string) {
  const flat = words(sentence);
  await dragSelect(page, flat.slice(0, 12), flat.slice(-12));
  await page.keyboard.press(key);
}

/**
 * Puts the caret at the end of the first block after a section heading: a click right of
 * its last line (a click on a citation would select the citation, and typing replace it).
 */
async function caretAtEndOf(page: Page, section: string) {
  const block = firstBlockOf(page, section);
  const box = (await block.boundingBox())!;
  await block.click({ position: { x: box.width - 2, y: box.height - 6 } });
}

test('memo: template, drag and /cite citations, assemble, restart, open a citation, broken link, revisions, conviction log', async ({
  app,
  dataDir,
}) => {
  test.setTimeout(150_000); // one long journey with a restart
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });

  // 1. Three claims in the seed article; the evidence supports the thesis.
  await openSampleFromEmptyLibrary(page);
  await highlightSentence(page, riskSentence, '2');
  await highlightSentence(page, thesisSentence, '1');
  await highlightSentence(page, evidenceSentence, '3');
  await expect(cards(page)).toHaveCount(3);
  const claims = await claimsByClass(page);
  await linkClaims(page, claims.evidence!, claims.thesis!);

  // 2. A new memo from the template (Ctrl+Shift+N), for MSFT.
  await page.keyboard.press('ControlOrMeta+Shift+KeyN');
  const workspace = memoWorkspace(page);
  await expect(workspace).toBeVisible();
  await expect(memoText(page).locator('h2')).toHaveText([
    'Summary and recommendation',
    'Thesis',
    'Risks',
    'Evidence',
    'Valuation',
    'Catalysts',
    'What would change my mind',
  ]);
  await workspace.getByLabel('Memo title').fill('Microsoft: the OpenAI dependency');
  await workspace.getByLabel('Company').fill('Microsoft');
  await workspace.getByLabel('Ticker').fill('msft');
  await expect(workspace.getByLabel('Ticker')).toHaveValue('MSFT');
  await expectSaved(page);
  // The claims panel follows the memo's ticker.
  await expect(page.getByText('Only MSFT')).toBeVisible();
  await expect(memoClaims(page).getByTestId('memo-claim')).toHaveCount(3);

  // 3. Drag the risk claim into Risks.
  const riskClaim = memoClaims(page)
    .getByTestId('memo-claim')
    .filter({ hasText: 'eigenständiger Akteur' });
  await riskClaim.dragTo(firstBlockOf(page, 'Risks'));
  await expect(citations(page)).toHaveCount(1);
  expect(await sectionText(page, 'Risks')).toContain('eigenständiger Akteur');
  await expect(citations(page).first()).toHaveAttribute('data-class', 'risk');
  await expect(citations(page).first()).toContainText(
    /\(Die Aktien von Microsoft erleben .*…, ¶2\)$/,
  );

  // 4. `/cite` a thesis claim in Thesis: search, Enter.
  await caretAtEndOf(page, 'Thesis');
  await page.keyboard.type('/cite Wettbewerbsvorteil');
  const picker = page.getByRole('listbox', { name: 'Claims to cite' });
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option')).toContainText('klaren Wettbewerbsvorteil');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(citations(page)).toHaveCount(2);
  expect(await sectionText(page, 'Thesis')).toContain('Wettbewerbsvorteil');
  expect(await sectionText(page, 'Thesis')).not.toContain('/cite');

  // 5. Assemble from claims for MSFT: thesis with its evidence under it, risks, evidence.
  await workspace.getByRole('button', { name: 'Assemble from claims…' }).click();
  const assemble = page.getByRole('dialog', { name: 'Assemble from claims' });
  await expect(assemble.getByLabel('Ticker', { exact: true })).toHaveValue('MSFT');
  await assemble.getByRole('button', { name: 'Assemble' }).click();
  await expect(assemble).toBeHidden();
  await expect(page.getByText('Placed 3 claims in Thesis, Risks and Evidence.')).toBeVisible();
  await expect(citations(page)).toHaveCount(5);
  const thesis = await sectionText(page, 'Thesis');
  expect(thesis).toMatch(/Supported by .*Rechenzentren/);
  expect(await sectionText(page, 'Risks')).toContain('eigenständiger Akteur');
  // The evidence sits under the thesis it supports, not again under Evidence.
  expect(await sectionText(page, 'Evidence')).not.toContain('Rechenzentren');

  // 6. Text written around the citations.
  await caretAtEndOf(page, 'Summary and recommendation');
  await page.keyboard.type('Buy on weakness: the partnership still pays.');
  await caretAtEndOf(page, 'Risks');
  await page.keyboard.type(' The relationship is the key risk.');
  await expectSaved(page);
  expect(await sectionText(page, 'Risks')).toContain('The relationship is the key risk.');

  // 7. Restart: everything is there.
  await app.restart();
  await page.keyboard.press('ControlOrMeta+Digit3');
  await memoList(page)
    .getByRole('option', { name: /Microsoft: the OpenAI dependency/ })
    .click();
  await expect(citations(page)).toHaveCount(5);
  expect(await sectionText(page, 'Summary and recommendation')).toContain(
    'Buy on weakness: the partnership still pays.',
  );
  expect(await sectionText(page, 'Risks')).toContain('The relationship is the key risk.');
  await expect(workspace.getByLabel('Ticker')).toHaveValue('MSFT');
  const memoFiles = await readdir(join(dataDir, 'memos'));
  expect(memoFiles).toHaveLength(1);
  const stored = JSON.parse(
    await readFile(join(dataDir, 'memos', memoFiles[0]!, 'memo.json'), 'utf8'),
  );
  expect(stored.memo.title).toBe('Microsoft: the OpenAI dependency');

  // 8. All three classes cited: the screenshot of a working memo.
  const classes = await citations(page).evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-class')),
  );
  expect(new Set(classes)).toEqual(new Set(['thesis', 'risk', 'evidence']));
  await page.screenshot({ path: join(screenshotsDir, 'memo.png') });

  // 9. A citation opens the reader at its highlight.
  await citations(page)
    .filter({ hasText: 'eigenständiger Akteur' })
    .first()
    .locator('.claim-ref-source')
    .click();
  await expect(reader(page)).toBeVisible();
  await expect(cards(page).filter({ hasText: 'eigenständiger Akteur' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // The side panel lists the memo citing the claim.
  await expect(
    cards(page).filter({ hasText: 'eigenständiger Akteur' }).getByTestId('cited-in'),
  ).toContainText('Microsoft: the OpenAI dependency');

  // 10. Delete that highlight: its citations keep the snapshot and say the link is broken.
  await page.keyboard.press('Delete');
  await expect(cards(page)).toHaveCount(2);
  await page.keyboard.press('ControlOrMeta+Digit3');
  const broken = citations(page).filter({ hasText: 'eigenständiger Akteur' });
  await expect(broken).toHaveCount(2);
  for (const citation of await broken.all()) {
    await expect(citation).toHaveAttribute('data-state', 'deleted');
    await expect(citation).toContainText('source deleted');
  }

  // 11. Revisions: save one, change the text, see the diff, restore, undo the restore.
  await caretAtEndOf(page, 'Valuation');
  await page.keyboard.press('ControlOrMeta+KeyS');
  await expect(page.getByText('Saved a revision of the memo.')).toBeVisible();
  await page.keyboard.type('Fair value 520 USD on 30x earnings.');
  await expectSaved(page);
  await workspace.getByRole('button', { name: 'Revisions…' }).click();
  const revisions = page.getByRole('dialog', { name: 'Revisions' });
  const list = revisions.getByRole('listbox', { name: 'Revisions' }).getByRole('option');
  await expect(list.first()).toContainText('Saved');
  await expect(list.filter({ hasText: 'On close' })).toHaveCount(1);
  await list.first().click();
  const diff = revisions.getByTestId('revision-diff');
  await expect(diff.locator('ins')).toContainText('Fair value 520 USD on 30x earnings.');
  await page.screenshot({ path: join(screenshotsDir, 'memo-revisions.png') });
  await revisions.getByRole('button', { name: 'Restore this revision' }).click();
  await expect(revisions).toBeHidden();
  expect(await sectionText(page, 'Valuation')).not.toContain('Fair value');
  await page.keyboard.press('ControlOrMeta+KeyZ');
  await expect.poll(() => sectionText(page, 'Valuation')).toContain('Fair value 520 USD');
  await expectSaved(page);

  // 12. Raising the recommendation asks why; the reason goes into the conviction log.
  await workspace.getByLabel('Recommendation').click();
  await page.getByRole('option', { name: 'Buy', exact: true }).click();
  const why = page.getByRole('dialog', { name: 'Why did your view change?' });
  await expect(why).toContainText('Recommendation');
  await why.getByRole('button', { name: 'Log the change' }).click();
  await expect(why.getByText('Give a one-line reason')).toBeVisible();
  await why.getByLabel('Reason').fill('Azure capacity secures the OpenAI workloads.');
  await why.getByRole('combobox', { name: 'Claims behind it (optional)' }).click();
  await page.getByRole('option', { name: /Thesis: Microsoft profitiert/ }).click();
  await why.getByLabel('Reason').click(); // closes the list of claims
  await why.getByRole('button', { name: 'Log the change' }).click();
  await expect(why).toBeHidden();
  const log = workspace.getByRole('region', { name: 'Conviction log' });
  await expect(log.getByTestId('conviction-entry')).toHaveCount(1);
  await expect(log).toContainText('Recommendation: — → Buy');
  await expect(log).toContainText('Azure capacity secures the OpenAI workloads.');
  await expect(log).toContainText('Because of: Thesis: Microsoft profitiert');

  // The list shows the memo with its rating; the status filter finds it as a draft.
  await expect(memoList(page).getByRole('option').first()).toContainText('MSFT · Buy');
  const memosPane = page.getByRole('region', { name: 'Memos', exact: true });
  await memosPane.getByText('Final', { exact: true }).click();
  await expect(memoList(page).getByRole('option')).toHaveCount(0);
  await expect(memosPane.getByText('No memo matches the filter.')).toBeVisible();
  await workspace.locator('.memo-actions').getByText('Final', { exact: true }).click();
  await expect(memoList(page).getByRole('option')).toHaveCount(1);
  await app.restart();
  await page.keyboard.press('ControlOrMeta+Digit3');
  await expect(memoList(page).getByRole('option').first()).toContainText('final');
});

test('a save the disk refuses keeps the text: it says why, survives leaving the memo, and is saved once the disk allows', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await page.keyboard.press('ControlOrMeta+Shift+KeyN');
  const workspace = memoWorkspace(page);
  await expect(workspace).toBeVisible();
  await caretAtEndOf(page, 'Summary and recommendation');
  await page.keyboard.type('Saved before the fault.');
  await expectSaved(page);

  // A real fault: memo.json becomes a folder, so the durable rename over it fails.
  const [memoId] = await readdir(join(dataDir, 'memos'));
  const memoFile = join(dataDir, 'memos', memoId!, 'memo.json');
  await rm(memoFile);
  await mkdir(memoFile);
  await page.keyboard.type(' Typed while the disk refuses.');
  await expect(workspace.getByTestId('memo-save-state')).toContainText('Not saved', {
    timeout: 10_000,
  });

  // Leaving the memo and coming back shows the unsaved text, not the last saved one.
  await page.keyboard.press('ControlOrMeta+Digit1');
  await page.keyboard.press('ControlOrMeta+Digit3');
  await expect
    .poll(() => sectionText(page, 'Summary and recommendation'))
    .toContain('Typed while the disk refuses.');
  // No revision is taken of text that is not saved.
  await page.keyboard.press('ControlOrMeta+KeyS');
  await expect(page.getByText(/latest text is not saved/)).toBeVisible();

  // The disk allows again: the retry saves it without a keystroke, and it survives a restart.
  await rm(memoFile, { recursive: true });
  await expectSaved(page);
  await app.restart();
  await page.keyboard.press('ControlOrMeta+Digit3');
  await memoList(page).getByRole('option').first().click();
  expect(await sectionText(page, 'Summary and recommendation')).toContain(
    'Saved before the fault. Typed while the disk refuses.',
  );
});

test("the recommendation offers the analyst's own scale from Settings", async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('ControlOrMeta+Digit4');
  const ratings = page.getByRole('combobox', { name: 'Ratings, best first' });
  await ratings.click();
  await page.keyboard.press('Backspace'); // removes "Sell"
  await ratings.fill('Accumulate');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Save scale' }).click();
  await expect(page.getByText('Saved the recommendation scale.')).toBeVisible();

  await page.keyboard.press('ControlOrMeta+Shift+KeyN');
  const workspace = memoWorkspace(page);
  await expect(workspace).toBeVisible();
  await workspace.getByLabel('Recommendation').click();
  const scale = page.getByRole('listbox', { name: 'Recommendation' }).getByRole('option');
  await expect(scale).toHaveText(['Buy', 'Overweight', 'Hold', 'Underweight', 'Accumulate']);
  await scale.filter({ hasText: 'Accumulate' }).click();
  const why = page.getByRole('dialog', { name: 'Why did your view change?' });
  await why.getByLabel('Reason').fill('Initiating coverage.');
  await page.keyboard.press('Enter');
  await expect(workspace.getByRole('region', { name: 'Conviction log' })).toContainText(
    'Recommendation: — → Accumulate',
  );
});
