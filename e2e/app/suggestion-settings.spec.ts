import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { LexiconEdits, SuggestionSettings } from '../../shared/domain/suggestion';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';
import { frenchText } from '../journeys/articles';
import { expect, test } from '../support/fixtures';
import { makeUnwritable } from '../support/make-unwritable';
import { screenshotsDir } from '../support/paths';

test.use({ viewport: { width: 1440, height: 900 } });

const section = (page: Page) => page.getByRole('region', { name: 'Claim suggestions' });
const cueList = (page: Page, name: string) => section(page).getByRole('list', { name });
/** The cues of a chip list, without their buttons' glyphs. */
const cuesIn = (list: Locator) => list.locator('li > span');
const saveState = (page: Page) => section(page).getByTestId('cue-save-state');
const cueLanguage = (page: Page) => section(page).getByRole('radiogroup', { name: 'Cue language' });

/** Settings (Ctrl+4), with the claim suggestions loaded. */
async function openSettings(page: Page): Promise<Locator> {
  await page.keyboard.press('ControlOrMeta+Digit4');
  await expect(section(page).getByRole('heading', { name: 'Cue words' })).toBeVisible();
  return section(page);
}

/** What main holds, read through the page's own bridge. */
async function storedSettings(page: Page): Promise<SuggestionSettings> {
  return page.evaluate(async () => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const settings = await api.suggestions.settings();
    if (!settings.ok) throw new Error(settings.error.message);
    return settings.value;
  });
}

const editsOf = async (page: Page, language: 'de' | 'en' | 'fr'): Promise<LexiconEdits> =>
  (await storedSettings(page)).lexicons.find((l) => l.language === language)!.edits;

const noEdits = (patch: {
  added?: Partial<LexiconEdits['added']>;
  removed?: Partial<LexiconEdits['removed']>;
}): LexiconEdits => ({
  added: { risk: [], thesis: [], sources: [], ...patch.added },
  removed: { risk: [], thesis: [], sources: [], ...patch.removed },
});

test('Cue words: add a German risk cue, refuse a bad one, remove and put back a built-in one', async ({
  app,
}) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  const settings = await openSettings(page);
  await expect(settings).toContainText('nothing is sent anywhere');
  await expect(settings.getByTestId('cue-stats-empty')).toHaveText(
    'No decisions yet: press S in the reader and accept or dismiss suggestions; the counts show here which cues help.',
  );
  await expect(settings.getByRole('button', { name: 'Reset counts…' })).toBeDisabled();

  // German is the language shown first; a cue typed in any case is kept in lower case.
  await expect(cueLanguage(page).getByRole('radio', { name: 'German' })).toBeChecked();
  const addRisk = settings.getByRole('textbox', { name: 'Add a risk cue (German)' });
  await addRisk.fill('Streik');
  await addRisk.press('Enter');
  const yours = cueList(page, 'Your risk cues');
  await expect(cuesIn(yours)).toHaveText(['streik']);
  await expect(addRisk).toHaveValue('');
  await expect(saveState(page)).toHaveText('Saved');
  await expect.poll(() => editsOf(page, 'de')).toEqual(noEdits({ added: { risk: ['streik'] } }));

  // Still there after the window reloads: it came from main's library file.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await openSettings(page);
  await expect(cuesIn(cueList(page, 'Your risk cues'))).toHaveText(['streik']);

  // A cue that is not one: the reason under the box, nothing saved.
  await addRisk.fill('<x>');
  await addRisk.press('Enter');
  await expect(settings.getByText("Couldn't add '<x>': a cue holds letters")).toBeVisible();
  await expect(addRisk).toHaveAttribute('aria-invalid', 'true');
  await expect(addRisk).toHaveAccessibleDescription(/a cue holds letters, digits, spaces/);
  await expect(addRisk).toHaveValue('<x>');
  expect(await editsOf(page, 'de')).toEqual(noEdits({ added: { risk: ['streik'] } }));
  // A cue the list has already.
  await addRisk.fill('Risik');
  await addRisk.press('Enter');
  await expect(settings.getByText("'risik' is already a built-in risk cue.")).toBeVisible();
  await addRisk.fill('streik');
  await addRisk.press('Enter');
  await expect(settings.getByText("'streik' is already one of your risk cues.")).toBeVisible();
  await addRisk.fill('');
  await expect(settings.getByText("'streik' is already one of your risk cues.")).toBeHidden();

  // A built-in cue removed: struck through, with the button to put it back.
  const builtIn = cueList(page, 'Built-in risk cues');
  await builtIn.getByRole('button', { name: "Remove cue 'risik'" }).click();
  await expect(builtIn.getByRole('button', { name: "Put back cue 'risik'" })).toBeVisible();
  await expect(builtIn.getByRole('listitem').filter({ hasText: 'risik' })).toHaveAttribute(
    'data-kind',
    'removed',
  );
  await expect(settings.getByRole('group', { name: 'Risk cues' })).toContainText('1 removed');
  await expect
    .poll(() => editsOf(page, 'de'))
    .toEqual(noEdits({ added: { risk: ['streik'] }, removed: { risk: ['risik'] } }));
  // Put back from the keyboard: the focus stayed on the chip's button.
  await expect(builtIn.getByRole('button', { name: "Put back cue 'risik'" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(builtIn.getByRole('button', { name: "Remove cue 'risik'" })).toBeFocused();
  await expect.poll(() => editsOf(page, 'de')).toEqual(noEdits({ added: { risk: ['streik'] } }));
  // The arrow keys walk the chips (one Tab stop per list); Delete removes the focused one.
  await page.keyboard.press('ArrowRight');
  await expect(builtIn.getByRole('button', { name: "Remove cue 'rückgang'" })).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(builtIn.getByRole('button', { name: "Put back cue 'rückgang'" })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(saveState(page)).toHaveText('Saved');
  await expect.poll(() => editsOf(page, 'de')).toEqual(noEdits({ added: { risk: ['streik'] } }));

  // The analyst's own cue removed from the keyboard: the focus goes back to the box.
  await yours.getByRole('button', { name: "Remove cue 'streik'" }).focus();
  await page.keyboard.press('Enter');
  await expect(yours).toBeHidden();
  await expect(addRisk).toBeFocused();
  await expect.poll(() => editsOf(page, 'de')).toEqual(noEdits({}));

  // Each language has its own lists: an English source phrase leaves German alone.
  await cueLanguage(page).getByText('English', { exact: true }).click();
  const addSource = settings.getByRole('textbox', { name: 'Add a source cue (English)' });
  await addSource.fill('As per');
  await addSource.press('Enter');
  await expect(cuesIn(cueList(page, 'Your source cues'))).toHaveText(['as per']);
  await expect.poll(() => editsOf(page, 'en')).toEqual(noEdits({ added: { sources: ['as per'] } }));
  expect(await editsOf(page, 'de')).toEqual(noEdits({}));
});

test('Which cues help: decisions in the reader counted per cue, then reset', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();

  // Real decisions through the real channels: the German sample and a French article.
  await page.evaluate(async (french) => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const value = <T>(
      envelope: { ok: true; value: T } | { ok: false; error: { message: string } },
    ): T => {
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value;
    };
    const samples = value(await api.samples.list());
    const german = value(
      await api.samples.import({ sampleId: samples.find((s) => s.language === 'de')!.id }),
    ).article.id;
    const frenchId = value(await api.articles.create({ text: french })).article.id;
    const decide = async (
      articleId: string,
      cues: string,
      decisions: Array<'dismissed' | 'risk' | 'thesis' | 'evidence'>,
    ) => {
      const { suggestions } = value(await api.suggestions.list({ articleId }));
      const found = suggestions.filter((s) => s.cues.join(',') === cues);
      if (found.length < decisions.length) throw new Error(`no suggestion with cues ${cues}`);
      for (const [i, decision] of decisions.entries()) {
        const { start, end } = found[i]!;
        value(
          await api.suggestions.decide(
            decision === 'dismissed'
              ? { articleId, start, end, decision }
              : { articleId, start, end, decision: 'accepted', acceptedAs: decision },
          ),
        );
      }
    };
    await decide(german, 'rückgang,alarmiert', ['risk']);
    await decide(german, 'herausforderung,differenzen,risse', ['dismissed']);
    await decide(german, 'ermöglich', ['evidence']);
    await decide(german, 'spannung', ['risk', 'dismissed']);
    await decide(frenchId, '#percentage,#period', ['evidence']);
    await decide(frenchId, '#percentage,#money,#amount', ['evidence']);
    await decide(frenchId, 'retard,inquièt', ['dismissed']);
  }, frenchText);

  const settings = await openSettings(page);
  const table = settings.getByRole('table', { name: 'Cue counts' });
  const rows = table.locator('tbody tr');
  // Most decided first, then the ones that help most; figures read as what they find.
  await expect(rows).toHaveCount(13);
  await expect(rows.nth(0).locator('td')).toHaveText([
    'French',
    'Evidence',
    'a percentage',
    '2',
    '0',
    '0',
    '100%',
  ]);
  await expect(rows.nth(1).locator('td')).toHaveText([
    'German',
    'Risk',
    'spannung',
    '1',
    '0',
    '1',
    '50%',
  ]);
  await expect(rows.filter({ hasText: 'a reporting period' }).locator('td')).toHaveText([
    'French',
    'Evidence',
    'a reporting period (quarter…)',
    '1',
    '0',
    '0',
    '100%',
  ]);
  // "s’inquiètent": a cue matched through the elision and the typographic apostrophe.
  await expect(rows.filter({ hasText: 'inquièt' }).locator('td')).toHaveText([
    'French',
    'Risk',
    'inquièt',
    '0',
    '0',
    '1',
    '0%',
  ]);
  const ermoeglich = rows.filter({ hasText: 'ermöglich' });
  await expect(ermoeglich.locator('td')).toHaveText([
    'German',
    'Thesis',
    'ermöglich',
    '0',
    '1',
    '0',
    '0%',
  ]);
  await expect(ermoeglich.locator('.class-swatch[data-class="thesis"]')).toHaveCount(1);

  // One language at a time.
  const countsFor = settings.getByRole('radiogroup', { name: 'Counts for' });
  await countsFor.getByText('German', { exact: true }).click();
  await expect(rows).toHaveCount(7);
  await countsFor.getByText('English', { exact: true }).click();
  await expect(rows).toHaveText(['No decisions on English suggestions yet.']);
  await countsFor.getByText('All languages', { exact: true }).click();
  await expect(rows).toHaveCount(13);

  // For the picture: an own cue and a removed built-in one beside the counts.
  await settings.getByRole('textbox', { name: 'Add a risk cue (German)' }).fill('streik');
  await settings.getByRole('textbox', { name: 'Add a risk cue (German)' }).press('Enter');
  await cueList(page, 'Built-in risk cues')
    .getByRole('button', { name: "Remove cue 'druck'" })
    .click();
  await expect(saveState(page)).toHaveText('Saved');
  await settings
    .getByRole('heading', { name: 'Claim suggestions' })
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  // Tall enough for the whole section: the cue lists and the counts.
  await page.setViewportSize({ width: 1440, height: 1280 });
  await page.screenshot({ path: join(screenshotsDir, 'suggestion-settings.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Reset: asked first; "Keep the counts" keeps them.
  await settings.getByRole('button', { name: 'Reset counts…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset the cue counts?' });
  await expect(confirm).toContainText('Your cue lists and the suggestions you dismissed stay');
  await confirm.getByRole('button', { name: 'Keep the counts' }).click();
  await expect(confirm).toBeHidden();
  await expect(rows).toHaveCount(13);
  await settings.getByRole('button', { name: 'Reset counts…' }).click();
  await expect(confirm.getByRole('button', { name: 'Reset counts' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(settings.getByTestId('cue-stats-empty')).toBeVisible();
  await expect(table).toBeHidden();
  expect((await storedSettings(page)).cueStats).toEqual([]);
  // The cue lists stay as they were.
  expect(await editsOf(page, 'de')).toEqual(
    noEdits({ added: { risk: ['streik'] }, removed: { risk: ['druck'] } }),
  );
});

test('Cue words: a save main refuses says why, and the list shows what is saved', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  const settings = await openSettings(page);
  const undo = await makeUnwritable([dataDir]);
  test.skip(typeof undo === 'string', `No real write failure possible: ${String(undo)}`);
  try {
    const addRisk = settings.getByRole('textbox', { name: 'Add a risk cue (German)' });
    await addRisk.fill('streik');
    await addRisk.press('Enter');
    await expect(saveState(page)).toContainText("Not saved: Couldn't save the cue lexicon");
    await expect(cueList(page, 'Your risk cues')).toBeHidden();
    expect(await editsOf(page, 'de')).toEqual(noEdits({}));
  } finally {
    await (undo as () => Promise<void>)();
  }
});
