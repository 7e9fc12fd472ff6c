import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import { expect, test } from '../support/fixtures';
import { screenshotsDir } from '../support/paths';
import { openSampleFromEmptyLibrary, reader, storedText } from '../journeys/library-journey';
import { MARKDOWN_NOTE, writeTempFiles } from '../journeys/import-files';
import {
  annotationsFile,
  cards,
  clickBefore,
  dragSelect,
  evidenceWords,
  expectCounts,
  paintedSpans,
  panel,
  riskSentence,
  selectedText,
  storedHighlights,
  toolbar,
  words,
} from '../journeys/highlight-journey';

test.use({ viewport: { width: 1440, height: 900 } });

test('highlight by mouse and keyboard, note, overlap, restart, undo and redo', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await openSampleFromEmptyLibrary(page);

  // 1. Mouse: drag over the risk sentence; the toolbar appears; key 2 makes it a Risk.
  await dragSelect(page, 'Ein wesentliches Problem', 'wahrgenommen wird.');
  expect(await selectedText(page)).toBe(riskSentence);
  await expect(toolbar(page)).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: /Risk/ })).toBeVisible();
  await page.screenshot({ path: join(screenshotsDir, 'highlight-toolbar.png') });
  await page.keyboard.press('2');
  await expectCounts(page, 0, 1, 0);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(riskSentence);
  await expect(panel(page).getByTestId('save-state')).toHaveText('Saved');

  // 2. Keyboard only: Enter in the library focuses the reader, the arrows move a caret,
  //    Shift extends the selection across the first paragraph break; key 1 makes a Thesis.
  await page.getByRole('listbox', { name: 'Articles' }).focus();
  await page.keyboard.press('Enter');
  await expect(reader(page).locator('article')).toBeFocused();
  await page.keyboard.press('Control+ArrowDown'); // to the second paragraph
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+ArrowLeft'); // back into the first
  for (let i = 0; i < 8; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  const thesisSelection = await selectedText(page);
  expect(thesisSelection).toMatch(/positioniert\.\s+Diese Allianz/);
  await page.keyboard.press('1');
  await expectCounts(page, 1, 1, 0);

  // 3. A note (with a line break) and a paraphrase on the risk highlight.
  await cards(page).filter({ hasText: 'Ein wesentliches Problem' }).click();
  await page.keyboard.press('n');
  const editor = panel(page).getByRole('group', { name: 'Edit highlight' });
  await expect(editor.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('OpenAI is drifting away.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Watch the next contract renewal.');
  await editor
    .getByLabel('Paraphrase / translation')
    .fill(
      'A key problem: OpenAI is increasingly seen as an independent player despite the Microsoft partnership.',
    );
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  const riskCard = cards(page).filter({ hasText: 'Ein wesentliches Problem' });
  await expect(riskCard).toContainText(
    'OpenAI is drifting away.\nWatch the next contract renewal.',
  );
  await expect(riskCard).toContainText('A key problem: OpenAI is increasingly seen');

  // 4. A third highlight overlapping the risk sentence: Evidence, from the toolbar.
  await dragSelect(page, evidenceWords.from, evidenceWords.to);
  await toolbar(page)
    .getByRole('button', { name: /Evidence/ })
    .click();
  await expectCounts(page, 1, 1, 1);
  const painted = await paintedSpans(page);
  expect(painted['margin-overlap']!.length).toBeGreaterThan(0);

  const stored = await storedHighlights(dataDir);
  expect(stored).toHaveLength(3);
  const byClass = Object.fromEntries(stored.map((h) => [h.claimClass, h]));
  expect(byClass.risk!.selectors.quote.exact).toBe(riskSentence);
  expect(byClass.risk!.note).toBe('OpenAI is drifting away.\nWatch the next contract renewal.');
  expect(words(byClass.thesis!.selectors.quote.exact)).toBe(words(thesisSelection));
  expect(byClass.thesis!.selectors.quote.exact).toContain('\n'); // it crosses a paragraph
  // The picture: all three classes, the overlap and the panel, nothing selected.
  await cards(page).filter({ hasText: 'Ein wesentliches Problem' }).click();
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await expect(cards(page).filter({ hasText: 'Ein wesentliches Problem' })).toHaveAttribute(
    'aria-selected',
    'false',
  );
  await page.screenshot({ path: join(screenshotsDir, 'highlights.png') });

  // 5. Restart: every highlight is painted on exactly the same characters.
  await app.restart();
  await page
    .getByRole('option', { name: /Microsoft/ })
    .first()
    .click();
  await expectCounts(page, 1, 1, 1);
  const after = await paintedSpans(page);
  for (const h of stored) {
    const ranges = after[`margin-${h.claimClass}`]!;
    expect([ranges[0]![0], ranges.at(-1)![1]]).toEqual([
      h.selectors.position.start,
      h.selectors.position.end,
    ]);
  }
  await expect(cards(page)).toHaveCount(3);
  await expect(cards(page).nth(1)).toContainText('Ein wesentliches Problem');

  // A click on painted words selects their highlight; its toolbar offers the actions.
  await clickBefore(page, 'Diese Allianz');
  await expect(cards(page).filter({ hasText: 'Diese Allianz' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const selectedToolbar = page.getByRole('toolbar', { name: 'Selected highlight' });
  await expect(selectedToolbar.getByRole('button', { name: /Thesis/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(screenshotsDir, 'highlights-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // 6. Delete with Del, undo with Ctrl+Z, redo with Ctrl+Shift+Z, undo again.
  await cards(page).filter({ hasText: 'Ein wesentliches Problem' }).click();
  await page.keyboard.press('Delete');
  await expectCounts(page, 1, 0, 1);
  expect(await storedHighlights(dataDir)).toHaveLength(2);
  await page.keyboard.press('Control+z');
  await expectCounts(page, 1, 1, 1);
  await page.keyboard.press('Control+Shift+z');
  await expectCounts(page, 1, 0, 1);
  await page.keyboard.press('Control+z');
  await expectCounts(page, 1, 1, 1);
  await expect(panel(page).getByTestId('save-state')).toHaveText('Saved');
  const restored = (await storedHighlights(dataDir)).find((h) => h.claimClass === 'risk')!;
  expect(restored).toEqual(byClass.risk); // same id, words, note: nothing lost
  const repainted = await paintedSpans(page);
  expect(repainted['margin-risk']).toEqual(after['margin-risk']);
});

test('tags from the codebook: create by path, rename and merge everywhere; j/k and the class filter', async ({
  app,
}) => {
  const { page } = app;
  await openSampleFromEmptyLibrary(page);

  // T on a selection opens a new highlight with its Tags field; a path creates the tags.
  await dragSelect(page, 'Diese Konkurrenzdruck', 'neu zu bewerten');
  await page.keyboard.press('t');
  const draft = panel(page).getByRole('group', { name: 'New highlight' });
  await expect(draft.getByRole('combobox', { name: 'Tags' })).toBeFocused();
  await page.keyboard.type('Risk › Competition');
  await page.keyboard.press('Enter');
  await draft.getByText('Risk', { exact: true }).click();
  await page.keyboard.press('Control+Enter');
  await expectCounts(page, 0, 1, 0);
  const competition = cards(page).filter({ hasText: 'Diese Konkurrenzdruck' });
  await expect(competition).toContainText('Risk › Competition');

  // Another highlight, tagged through its editor (Enter on the selected highlight).
  await dragSelect(page, 'Microsoft stellt die technische', 'diese Systeme bilden.');
  await page.keyboard.press('3');
  await expectCounts(page, 0, 1, 1);
  await page.keyboard.press('t');
  const editor = panel(page).getByRole('group', { name: 'Edit highlight' });
  await page.keyboard.type('Evidence/Cloud');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  const cloud = cards(page).filter({ hasText: 'Microsoft stellt die technische' });
  await expect(cloud).toContainText('Evidence › Cloud');

  // The codebook: a rename shows on every highlight at once; a merge retags them.
  await panel(page).getByRole('button', { name: 'Tags…' }).click();
  const codebook = page.getByRole('dialog', { name: 'Codebook: your tags' });
  const row = (path: string) => codebook.getByRole('row').filter({ hasText: path });
  await row('Risk › Competition').getByRole('button', { name: 'Rename' }).click();
  await codebook
    .getByRole('textbox', { name: 'New name for Risk › Competition' })
    .fill('Competitors');
  await page.keyboard.press('Enter');
  await expect(row('Risk › Competitors')).toBeVisible();
  await row('Evidence › Cloud').getByRole('button', { name: 'Merge…' }).click();
  await codebook
    .getByRole('textbox', { name: 'Merge Evidence › Cloud into' })
    .or(codebook.getByRole('combobox', { name: 'Merge Evidence › Cloud into' }))
    .first()
    .click();
  await codebook.getByRole('option', { name: 'Risk › Competitors' }).click();
  await codebook.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(codebook).toContainText('1 highlight retagged');
  await expect(row('Evidence › Cloud')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(competition).toContainText('Risk › Competitors');
  await expect(cloud).toContainText('Risk › Competitors');

  // j/k walk the highlights in document order; the filter narrows the list.
  await page.locator('.reader').focus();
  await page.keyboard.press('j');
  await expect(cards(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(cards(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(cards(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  const filter = panel(page).getByRole('group', { name: 'Show highlights of class' });
  await filter.getByRole('button', { name: 'Risk' }).click();
  await expect(filter.getByRole('button', { name: 'Risk' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText('Diese Konkurrenzdruck');
});

test('an orphan keeps its quote, is listed apart and can be re-attached to new words', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await openSampleFromEmptyLibrary(page);
  // A highlight made on an earlier version of the text: its words are not in this one.
  const lostQuote = 'Microsoft kündigte die Partnerschaft mit OpenAI im dritten Quartal.';
  const file = await annotationsFile(dataDir);
  const annotations = JSON.parse(await readFile(file, 'utf8')) as {
    articleId: string;
    highlights: unknown[];
  };
  const now = new Date().toISOString();
  annotations.highlights.push({
    id: randomUUID(),
    articleId: annotations.articleId,
    selectors: {
      quote: { exact: lostQuote, prefix: 'alarmiert. ', suffix: ' Im Zentrum' },
      position: { start: 130, end: 130 + lostQuote.length },
    },
    page: null,
    claimClass: 'evidence',
    tags: [],
    note: 'From the first version of the article.',
    paraphrase: '',
    links: [],
    createdAt: now,
    updatedAt: now,
  });
  await writeFile(file, JSON.stringify(annotations));
  await app.restart();
  await page
    .getByRole('option', { name: /Microsoft/ })
    .first()
    .click();
  const orphans = panel(page).getByRole('listbox', { name: 'Orphaned highlights' });
  await expect(panel(page).getByText('Not found in the text (1)')).toBeVisible();
  await expect(orphans.getByRole('option')).toContainText(lostQuote);
  await expectCounts(page, 0, 0, 1);
  expect((await paintedSpans(page))['margin-evidence']).toEqual([]);

  await orphans.getByRole('button', { name: 'Re-attach' }).click();
  await dragSelect(page, 'Microsoft hat in den letzten Jahren', 'massiv in OpenAI investiert');
  await expect(toolbar(page).getByRole('button', { name: /Attach here/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByText(/Not found in the text/)).toHaveCount(0);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toContainText(
    'Microsoft hat in den letzten Jahren massiv in OpenAI investiert',
  );
  await expect(cards(page).first()).toContainText('From the first version of the article.');
  const [stored] = await storedHighlights(dataDir);
  expect(stored!.selectors.quote.exact).toBe(
    'Microsoft hat in den letzten Jahren massiv in OpenAI investiert',
  );
  expect((await paintedSpans(page))['margin-evidence']).toHaveLength(1);
});

test('bad input changes nothing: an over-long or empty span is refused with a clear message', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await openSampleFromEmptyLibrary(page);
  const errors = await page.evaluate(async () => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const list = await api.articles.list();
    if (!list.ok) throw new Error(list.error.message);
    const articleId = list.value[0]!.id;
    const attempts = await Promise.all([
      api.highlights.create({ articleId, start: 5, end: 5_000_000, claimClass: 'risk' }),
      api.highlights.create({ articleId, start: 10, end: 5, claimClass: 'risk' }),
      api.highlights.create({ articleId, start: 0, end: 3, claimClass: 'opinion' as 'risk' }),
    ]);
    return attempts.map((a) => (a.ok ? 'accepted' : a.error.code));
  });
  expect(errors).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT']);
  expect(await storedHighlights(dataDir)).toEqual([]);
});

test('Shift+arrows select across table cells, list items and links; the words stay exact', async ({
  app,
  dataDir,
}) => {
  const { page, main } = app;
  const note = `${MARKDOWN_NOTE}\nMehr steht im [Bericht des Konzerns](https://example.com/bericht) zum Quartal.\n`;
  main.dialogs.choose(await writeTempFiles({ 'sap-notiz.md': note }));
  await page.keyboard.press('ControlOrMeta+KeyO');
  await expect(reader(page).getByRole('heading', { level: 1 })).toHaveText(
    'SAP – Notiz zum dritten Quartal',
    { timeout: 20_000 },
  );
  await page.keyboard.press('Escape'); // close the import window
  // A click during its fade-out would land on the overlay, not in the reader.
  await expect(page.getByRole('dialog', { name: 'Import articles' })).toBeHidden();

  // Table: from the first data cell down one row, by keyboard.
  // (In a table, Chromium moves a line at a time cell by cell, so the analyst presses on.)
  await clickBefore(page, 'Cloud-Umsatz');
  for (let i = 0; i < 8 && !(await selectedText(page)).includes('Operative'); i++) {
    await page.keyboard.press('Shift+ArrowDown');
  }
  await page.keyboard.press('Shift+End');
  const tableSelection = await selectedText(page);
  expect(tableSelection).toContain('4,4 Mrd. €');
  expect(tableSelection).toContain('Operative Marge');
  await page.keyboard.press('3');

  // Nested list: from "Risiken" over the next two items.
  await clickBefore(page, 'Risiken');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+End');
  expect(await selectedText(page)).toMatch(
    /Risiken\s+Währungseffekte\s+Konkurrenz durch Salesforce/,
  );
  await page.keyboard.press('2');

  // Across a link, word by word.
  await clickBefore(page, 'Mehr steht');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  expect(words(await selectedText(page))).toBe('Mehr steht im Bericht des');
  await page.keyboard.press('1');
  await expectCounts(page, 1, 1, 1);

  const stored = await storedHighlights(dataDir);
  const text = await storedText(page, 'SAP – Notiz zum dritten Quartal');
  for (const h of stored) {
    const { start, end } = h.selectors.position;
    expect(text.slice(start, end)).toBe(h.selectors.quote.exact);
  }
  const byClass = Object.fromEntries(stored.map((h) => [h.claimClass, h.selectors.quote.exact]));
  expect(byClass.evidence).toMatch(/Cloud-Umsatz[\s\S]*4,4 Mrd\. €[\s\S]*Operative Marge/);
  expect(byClass.risk).toMatch(/Risiken\s+Währungseffekte\s+Konkurrenz durch Salesforce/);
  expect(words(byClass.thesis!)).toBe('Mehr steht im Bericht des');

  // What is painted is exactly what is stored, after a restart too.
  await app.restart();
  await page.getByRole('option', { name: /SAP/ }).first().click();
  await expectCounts(page, 1, 1, 1);
  const painted = await paintedSpans(page);
  for (const h of stored) {
    const ranges = painted[`margin-${h.claimClass}`]!;
    expect([ranges[0]![0], ranges.at(-1)![1]]).toEqual([
      h.selectors.position.start,
      h.selectors.position.end,
    ]);
  }
});

test('typing in the highlight editor is never thrown away by Esc, another article or a half-typed tag', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await openSampleFromEmptyLibrary(page);
  await dragSelect(page, 'Ein wesentliches Problem', 'wahrgenommen wird.');
  await page.keyboard.press('2');
  await expectCounts(page, 0, 1, 0);
  await page.keyboard.press('n');
  const editor = panel(page).getByRole('group', { name: 'Edit highlight' });
  await expect(editor.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Check the 10-K.');
  await page.keyboard.press('Escape');
  await expect(editor.getByLabel('Note')).toHaveValue('Check the 10-K.');
  await expect(editor).toContainText('Not saved yet');

  // Opening the article again does not close the editor either.
  await page
    .getByRole('option', { name: /Microsoft/ })
    .first()
    .click();
  await expect(editor.getByLabel('Note')).toBeFocused();

  // A tag typed but not confirmed with Enter is saved with Ctrl+Enter, once.
  await editor.getByRole('combobox', { name: 'Tags' }).click();
  await page.keyboard.type('Risk › Partner');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toHaveCount(0);
  const card = cards(page).first();
  await expect(card).toContainText('Check the 10-K.');
  await expect(card).toContainText('Risk › Partner');
  await expect(card).toBeFocused(); // the keyboard user stays where they were
  const [stored] = await storedHighlights(dataDir);
  expect(stored!.note).toBe('Check the 10-K.');
  expect(await storedHighlights(dataDir)).toHaveLength(1);
});
