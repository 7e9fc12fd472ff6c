import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';
import { examplesDir } from '../examples/examples-dir';
import { buildSeedMemo, SEED_MEMO_CLOCK } from '../examples/seed-memo';
import { memoList, memoText, memoWorkspace } from '../journeys/memo-journey';

test.use({ viewport: { width: 1440, height: 900 }, clock: SEED_MEMO_CLOCK });

/** The memo id is the only part of the report a fresh library cannot reproduce. */
const withoutMemoId = (markdown: string) =>
  markdown.replace(/^memo_id: "[0-9a-f-]{36}"$/m, 'memo_id: "…"');

let outDir: string;
test.beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'margin-export-'));
});
test.afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function openExport(page: Page) {
  await page.keyboard.press('ControlOrMeta+Shift+KeyE');
  const dialog = page.getByRole('dialog', { name: /^Export/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('export: the seed memo through the UI is the report in docs/examples; replacing asks; a folder that is gone says so', async ({
  app,
}) => {
  const { page, main } = app;
  const { memoId } = await buildSeedMemo(main.client());
  await page.reload();
  await page.keyboard.press('ControlOrMeta+Digit3');
  await memoList(page).getByRole('option').first().click();
  await expect(memoWorkspace(page)).toBeVisible();

  // Export (Ctrl+Shift+E, from inside the memo text) → Save: the native dialog is offered
  // a safe name; the file is the golden report.
  const target = join(outDir, 'report.md');
  main.dialogs.chooseSavePath(target);
  await memoText(page).getByText('OpenAI moving its main workloads').click();
  let dialog = await openExport(page);
  await expect(dialog.getByLabel(/Include the conviction log/)).toBeChecked();
  await page.screenshot({ path: join(screenshotsDir, 'export-memo.png') });
  await dialog.getByRole('button', { name: 'Save as Markdown…' }).click();
  await expect(page.getByText('Saved the memo report as “report.md”')).toBeVisible();
  await expect(dialog).toBeHidden();
  expect(main.dialogs.saveRequests.at(-1)?.defaultName).toBe(
    'Microsoft - the OpenAI partnership is still an edge.md',
  );
  const golden = await readFile(join(examplesDir, 'seed-memo-report.md'), 'utf8');
  const report = await readFile(target, 'utf8');
  expect(withoutMemoId(report)).toBe(withoutMemoId(golden));
  expect(report).toContain(`memo_id: "${memoId}"`);

  // Exporting again to the same file asks first; "no" keeps the file as it was.
  await writeFile(target, 'the analyst’s own edits');
  main.dialogs.answerReplace(false);
  dialog = await openExport(page);
  await dialog.getByLabel(/Include the conviction log/).uncheck();
  await dialog.getByRole('button', { name: 'Save as Markdown…' }).click();
  await expect.poll(() => main.dialogs.replaceQuestions.length).toBe(1);
  expect(await readFile(target, 'utf8')).toBe('the analyst’s own edits');
  await expect(dialog).toBeVisible(); // nothing saved: the dialog stays for another try

  // A folder that no longer exists: a clear message in the dialog, nothing written.
  main.dialogs.chooseSavePath(join(outDir, 'gone', 'report.md'));
  await dialog.getByRole('button', { name: 'Save as Markdown…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('the folder does not exist');
  await page.screenshot({ path: join(screenshotsDir, 'export-error.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('export: the annotated article as Markdown and as Web Annotations, and the board’s risk claims', async ({
  app,
}) => {
  const { page, main } = app;
  await buildSeedMemo(main.client());
  await page.reload();

  // The open article: Markdown with its full text, then JSON-LD.
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().click();
  let dialog = await openExport(page);
  await dialog.getByLabel('Include the full text, with the claims marked').check();
  main.dialogs.chooseSavePath(join(outDir, 'article.md'));
  await dialog.getByRole('button', { name: 'Save as Markdown…' }).click();
  await expect(page.getByText('Saved the article report as “article.md”')).toBeVisible();
  expect(await readFile(join(outDir, 'article.md'), 'utf8')).toBe(
    await readFile(join(examplesDir, 'seed-article-claims.md'), 'utf8'),
  );

  dialog = await openExport(page);
  await dialog.getByText('Web Annotations (JSON-LD)').click();
  main.dialogs.chooseSavePath(join(outDir, 'article.jsonld'));
  await dialog.getByRole('button', { name: 'Save as JSON-LD…' }).click();
  await expect(page.getByText('Saved the annotations as “article.jsonld”')).toBeVisible();
  const annotations = JSON.parse(await readFile(join(outDir, 'article.jsonld'), 'utf8')) as {
    type: string;
    total: number;
  };
  expect(annotations.type).toBe('AnnotationCollection');
  expect(annotations.total).toBe(5);

  // The board filtered to risks: the report holds exactly those, titled by the filter.
  await page.keyboard.press('ControlOrMeta+Digit2');
  await expect(page.getByTestId('board-count')).toHaveText('5 claims');
  await page
    .getByRole('region', { name: 'Claims board' })
    .getByRole('group', { name: 'Filters' })
    .getByText('Risk', { exact: true })
    .click();
  await expect(page.getByTestId('board-count')).toHaveText('2 claims');
  dialog = await openExport(page);
  await expect(dialog.getByLabel('Report title')).toHaveValue('Risk claims');
  main.dialogs.chooseSavePath(join(outDir, 'risks.md'));
  await dialog.getByRole('button', { name: 'Save as Markdown…' }).click();
  await expect(page.getByText('Saved the claims report as “risks.md”')).toBeVisible();
  expect(await readFile(join(outDir, 'risks.md'), 'utf8')).toBe(
    await readFile(join(examplesDir, 'seed-risk-claims.md'), 'utf8'),
  );
});

test('backup and restore: the library comes back exactly, a non-empty library asks first and is saved before it is replaced', async ({
  app,
  dataDir,
}) => {
  const { page, main } = app;
  await buildSeedMemo(main.client());
  await page.reload();

  // Back up from Settings.
  const backup = join(outDir, 'library.zip');
  main.dialogs.chooseSavePath(backup);
  await page.keyboard.press('ControlOrMeta+Digit4');
  await page.getByRole('button', { name: 'Back up library…' }).click();
  await expect(page.getByText(/Library backed up \(1 article, 5 claims, 1 memo\)/)).toBeVisible();
  await access(backup);

  // Work done after the backup: a second memo.
  await page.keyboard.press('ControlOrMeta+Shift+KeyN');
  await expect(memoWorkspace(page)).toBeVisible();
  await memoWorkspace(page).getByLabel('Memo title').fill('Written after the backup');
  await expect(memoList(page).getByRole('option')).toHaveCount(2);

  // Restore: the library is not empty, so Margin asks, naming what would be replaced.
  main.dialogs.chooseBackup(backup);
  await page.keyboard.press('ControlOrMeta+Digit4');
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  const ask = page.getByRole('dialog', { name: 'Replace your library with this backup?' });
  await expect(ask).toContainText('1 article, 5 claims, 1 memo');
  await expect(ask).toContainText('It holds 1 article, 5 claims, 2 memos');
  await page.screenshot({ path: join(screenshotsDir, 'restore-confirm.png') });
  await ask.getByRole('button', { name: 'Replace library' }).click();
  await expect(page.getByText('Library restored from “library.zip”')).toBeVisible();

  // Exactly the backed-up library: the later memo is gone (no merge), the first is back.
  await page.keyboard.press('ControlOrMeta+Digit3');
  await expect(memoList(page).getByRole('option')).toHaveCount(1);
  await expect(memoList(page).getByRole('option')).toContainText('the OpenAI partnership');
  // The replaced library was saved first (its rolling copies are kept beside it).
  const saved = (await readdir(join(dataDir, 'backups'))).filter((name) => name.endsWith('.zip'));
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatch(/^Before restore .*\.zip$/);
});

test('a file that is not a Margin backup is refused with a reason and changes nothing', async ({
  app,
}) => {
  const { page, main } = app;
  const bogus = join(outDir, 'not-a-backup.zip');
  await writeFile(bogus, 'PK but not really a zip');
  main.dialogs.chooseBackup(bogus);
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await expect(page.getByText('That backup cannot be restored')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
});
