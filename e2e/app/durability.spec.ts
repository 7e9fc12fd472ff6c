import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import yauzl from 'yauzl';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import { expect, test } from '../support/fixtures';
import { makeUnwritable } from '../support/make-unwritable';
import { screenshotsDir } from '../support/paths';
import { cards, dragSelect, words } from '../journeys/highlight-journey';
import { openSampleFromEmptyLibrary } from '../journeys/library-journey';
import {
  expectSaved,
  firstBlockOf,
  memoList,
  memoText,
  memoWorkspace,
  sectionText,
  thesisSentence,
} from '../journeys/memo-journey';

test.use({ viewport: { width: 1440, height: 900 } });

const MEMO_TITLE = 'Microsoft: durability check';
const FIRST_TAKE = 'First take: hold until the contract terms are public.';
const SECOND_TAKE = 'Second take: buy, the terms are better than feared.';

let outDir: string;
test.beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'margin-durability-'));
});
test.afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const palette = (page: Page) =>
  page
    .getByRole('dialog')
    .filter({ has: page.getByRole('textbox', { name: 'Search everything' }) });
const banner = (page: Page) => page.getByTestId('write-failure-banner');

async function highlightSentence(page: Page, sentence: string, key: string) {
  const flat = words(sentence);
  await dragSelect(page, flat.slice(0, 12), flat.slice(-12));
  await page.keyboard.press(key);
}

/** The caret at the end of the first block of a section: a click right of its last line. */
async function caretAtEndOf(page: Page, section: string) {
  const block = firstBlockOf(page, section);
  const box = (await block.boundingBox())!;
  await block.click({ position: { x: box.width - 2, y: box.height - 6 } });
}

async function openMemo(page: Page) {
  await page.keyboard.press('ControlOrMeta+Digit3');
  await memoList(page)
    .getByRole('option', { name: new RegExp(MEMO_TITLE) })
    .click();
  await expect(memoWorkspace(page)).toBeVisible();
}

/** Ctrl+K → "Backups": Settings, scrolled to the section, its heading focused. */
async function openBackups(page: Page) {
  await page.keyboard.press('ControlOrMeta+KeyK');
  await page.getByRole('textbox', { name: 'Search everything' }).fill('backups');
  await expect(palette(page).getByRole('button', { name: /^Backups/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: 'Backups', exact: true });
  await expect(heading).toBeFocused();
  return page.getByRole('region', { name: 'Backups', exact: true });
}

/** The rolling copies main lists, through the page's own API. */
async function listBackups(page: Page) {
  return page.evaluate(async () => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const list = await api.backups.list();
    if (!list.ok) throw new Error(list.error.message);
    return list.value;
  });
}

/** One file of a zip, as text. */
function zipEntryText(zipPath: string, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} is not in ${zipPath}`)));
      zip.readEntry();
    });
  });
}

test('backups: a memo’s rolling copy is put back from Settings → Backups, the current version kept; a snapshot goes through the restore confirmation', async ({
  app,
  dataDir,
}) => {
  test.setTimeout(150_000); // a journey with two restarts and a reload
  const { page, main } = app;
  await page.emulateMedia({ colorScheme: 'light' });

  // The seed sample, one claim, and a memo with a first take.
  await openSampleFromEmptyLibrary(page);
  await highlightSentence(page, thesisSentence, '1');
  await expect(cards(page)).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Shift+KeyN');
  await expect(memoWorkspace(page)).toBeVisible();
  await memoWorkspace(page).getByLabel('Memo title').fill(MEMO_TITLE);
  await caretAtEndOf(page, 'Summary and recommendation');
  await page.keyboard.type(FIRST_TAKE);
  await expectSaved(page);

  // A whole-library zip where the daily snapshots live (main takes those a minute after
  // start; Back up writes the same kind of file now).
  const today = new Date().toISOString().slice(0, 10);
  await mkdir(join(dataDir, 'backups', 'daily'), { recursive: true });
  main.dialogs.chooseSavePath(join(dataDir, 'backups', 'daily', `Margin daily ${today}.zip`));
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await page.getByRole('button', { name: 'Back up library…' }).click();
  await expect(page.getByText(/Library backed up \(1 article, 1 claim, 1 memo\)/)).toBeVisible();

  // Quitting keeps a rolling copy of each file's last write; then the second take.
  await app.restart();
  await openMemo(page);
  await caretAtEndOf(page, 'Summary and recommendation');
  await page.keyboard.type(` ${SECOND_TAKE}`);
  await expectSaved(page);
  expect(await sectionText(page, 'Summary and recommendation')).toContain(SECOND_TAKE);
  await app.restart();

  // Main lists rolling copies of the library index, the memo and the article's highlights.
  const catalog = await listBackups(page);
  const kinds = new Set(catalog.generations.map((g) => g.file.kind));
  expect([...kinds].sort()).toEqual(['annotations', 'library', 'memo']);
  expect(catalog.folder).toBe(join(dataDir, 'backups'));
  const memoId = (await readdir(join(dataDir, 'memos')))[0]!;
  const memoCopies = catalog.generations.filter(
    (g) => g.file.kind === 'memo' && g.file.memoId === memoId,
  );
  // The newest copy that holds the first take only (listed newest first, like the view).
  const copyText = (id: string) =>
    readFile(
      join(dataDir, 'backups', 'rolling', 'memos', memoId, `${id.split('.').at(-1)}.json`),
      'utf8',
    );
  const texts = await Promise.all(memoCopies.map((g) => copyText(g.id)));
  const firstTakeAt = texts.findIndex((t) => t.includes(FIRST_TAKE) && !t.includes(SECOND_TAKE));
  expect(firstTakeAt, 'a rolling copy holds the first take only').toBeGreaterThanOrEqual(0);

  // Ctrl+K → Backups: the folder, the snapshot, the copies by file.
  const backups = await openBackups(page);
  await expect(backups.getByTestId('backups-folder')).toHaveText(join(dataDir, 'backups'));
  const snapshots = backups.getByRole('table', { name: 'Snapshots' });
  await expect(snapshots.getByRole('row')).toHaveCount(2);
  await expect(snapshots).toContainText('Daily snapshot');
  const files = backups.getByRole('list', { name: 'Rolling copies by file' });
  await expect(files.getByTestId('rolling-copies-file')).toHaveCount(3);
  await expect(files.getByTestId('rolling-copies-file').first()).toContainText('Library index');
  const memoToggle = files.getByRole('button', {
    name: new RegExp(`^Memo “${MEMO_TITLE}” \\d+ copies`),
  });
  await memoToggle.focus();
  await page.keyboard.press('Enter'); // keyboard: expand the memo's copies
  await expect(memoToggle).toHaveAttribute('aria-expanded', 'true');
  const memoTable = backups.getByRole('table', {
    name: `Rolling copies of Memo “${MEMO_TITLE}”`,
  });
  await expect(memoTable.getByRole('button', { name: /^Restore this copy/ })).toHaveCount(
    memoCopies.length,
  );
  await backups.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotsDir, 'settings-backups.png') });

  // A snapshot goes through the same confirmation as a backup chosen from disk.
  await snapshots.getByRole('button', { name: /^Restore… daily snapshot/ }).click();
  const replace = page.getByRole('dialog', { name: 'Replace your library with this backup?' });
  await expect(replace).toContainText(`Margin daily ${today}.zip`);
  await expect(replace).toContainText('1 article, 1 claim, 1 memo');
  await replace.getByRole('button', { name: 'Cancel' }).click();
  await expect(replace).toBeHidden();

  // Restore this copy: the confirmation says the current version is kept first.
  await memoTable
    .getByRole('button', { name: /^Restore this copy/ })
    .nth(firstTakeAt)
    .click();
  const confirm = page.getByRole('dialog', { name: 'Restore this copy?' });
  await expect(confirm).toContainText('The current version is kept as a copy first');
  await page.screenshot({ path: join(screenshotsDir, 'restore-rolling-copy.png') });
  await confirm.getByRole('button', { name: 'Restore this copy' }).click();

  // The page reloads onto the restored memo and says what was restored.
  // (Main closes and reopens the library around the restore: give it time on a busy machine.)
  await expect(page.getByText(`Memo “${MEMO_TITLE}” restored`)).toBeVisible({ timeout: 20_000 });
  await openMemo(page);
  const summary = await sectionText(page, 'Summary and recommendation');
  expect(summary).toContain(FIRST_TAKE);
  expect(summary).not.toContain(SECOND_TAKE);

  // The version it replaced is now the newest rolling copy.
  const after = await listBackups(page);
  const newest = after.generations.find((g) => g.file.kind === 'memo')!;
  expect(await copyText(newest.id)).toContain(SECOND_TAKE);
});

test('write failure: a banner says Margin cannot save, the unsaved memo goes into a copy elsewhere, and saving comes back', async ({
  app,
  dataDir,
}) => {
  test.setTimeout(150_000); // main checks the folder every 5 s; a restart at the end
  const { page, main } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await openSampleFromEmptyLibrary(page);
  await page.keyboard.press('ControlOrMeta+Shift+KeyN');
  await expect(memoWorkspace(page)).toBeVisible();
  await memoWorkspace(page).getByLabel('Memo title').fill(MEMO_TITLE);
  await caretAtEndOf(page, 'Summary and recommendation');
  await page.keyboard.type(FIRST_TAKE);
  await expectSaved(page);
  const memoId = (await readdir(join(dataDir, 'memos')))[0]!;

  const undo = await makeUnwritable([dataDir, join(dataDir, 'memos', memoId)]);
  test.skip(typeof undo === 'string', `No real write failure possible: ${String(undo)}`);
  const restoreWrites = undo as () => Promise<void>;
  try {
    // Typing goes on; the save fails, and the banner says so within a poll.
    await caretAtEndOf(page, 'Summary and recommendation');
    await page.keyboard.type(` ${SECOND_TAKE}`);
    await expect(memoWorkspace(page).getByTestId('memo-save-state')).toContainText('Not saved', {
      timeout: 10_000,
    });
    await expect(banner(page)).toContainText(
      "Margin can't save: Margin is not allowed to write to its data folder.",
    );
    await expect(banner(page)).toContainText(
      "What you haven't saved stays in this window; Margin tries again every few seconds.",
    );
    await page.screenshot({ path: join(screenshotsDir, 'write-failure-banner.png') });

    // Save a copy elsewhere: the whole library, with the memo as it is on screen.
    const copy = join(outDir, 'copy.zip');
    main.dialogs.chooseSavePath(copy);
    await banner(page).getByRole('button', { name: 'Save a copy elsewhere…' }).click();
    await expect(page.getByText('Copy of the library saved')).toBeVisible();
    await expect(page.getByText(copy, { exact: false })).toBeVisible();
    const saved = await zipEntryText(copy, `memos/${memoId}/memo.json`);
    expect(saved).toContain(SECOND_TAKE);
    // Nothing was lost on screen meanwhile.
    expect(await sectionText(page, 'Summary and recommendation')).toContain(SECOND_TAKE);
  } finally {
    await restoreWrites();
  }

  // The folder is writable again: Try now (and main's own check) clear the banner.
  await banner(page).getByRole('button', { name: 'Try now' }).click();
  await expect(banner(page)).toBeHidden({ timeout: 15_000 });
  await expect(page.getByText('Saving works again')).toBeVisible();
  await expectSaved(page);
  await app.restart();
  await openMemo(page);
  expect(await sectionText(page, 'Summary and recommendation')).toContain(SECOND_TAKE);
  await expect(memoText(page)).toBeVisible();
});
