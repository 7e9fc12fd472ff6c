import { expect, type Page } from '@playwright/test';
import type { WorkbenchApi } from '../../shared/ipc/create-workbench-api';

export const thesisSentence =
  'Microsoft profitiert von den Entwicklungen und Innovationen, die OpenAI liefert, und kann seine Produkte mit einem klaren Wettbewerbsvorteil ausstatten.';
export const evidenceSentence =
  'Microsoft stellt die technische Infrastruktur bereit und investiert erheblich in die Cloud- und Rechenzentren, die der Basis für diese Systeme bilden.';

export const memoWorkspace = (page: Page) => page.getByRole('region', { name: /^Memo: / });
export const memoText = (page: Page) => page.getByRole('textbox', { name: 'Memo text' });
export const memoList = (page: Page) => page.getByRole('listbox', { name: 'Memos' });
export const citations = (page: Page) => memoText(page).getByTestId('claim-ref');
export const memoClaims = (page: Page) => page.getByRole('list', { name: 'Claims to cite' });

/** The text of the section: everything after its heading up to the next level-2 heading. */
export async function sectionText(page: Page, title: string): Promise<string> {
  return memoText(page).evaluate((root, heading) => {
    const h2 = [...root.querySelectorAll(':scope > h2')].find(
      (h) => h.textContent?.trim() === heading,
    );
    if (!h2) throw new Error(`no section ${heading}`);
    const parts: string[] = [];
    for (let el = h2.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
      parts.push(el.textContent ?? '');
    }
    return parts.join('\n');
  }, title);
}

/** The first block after a section heading (where a drop or the caret goes). */
export const firstBlockOf = (page: Page, title: string) =>
  memoText(page).locator(`xpath=./h2[normalize-space(.)="${title}"]/following-sibling::*[1]`);

export async function expectSaved(page: Page): Promise<void> {
  await expect(memoWorkspace(page).getByTestId('memo-save-state')).toHaveText('Saved', {
    timeout: 10_000,
  });
}

/** Links claims through the app's own API (the board's link picker is tested elsewhere). */
export async function linkClaims(
  page: Page,
  from: { articleId: string; id: string },
  to: { articleId: string; id: string },
): Promise<void> {
  await page.evaluate(
    async ([source, target]) => {
      const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
      const done = await api.relations.create({ from: source, to: target, kind: 'supports' });
      if (!done.ok) throw new Error(done.error.message);
    },
    [from, to] as const,
  );
}

/** The stored highlights of the open library, by class (for ids the UI does not show). */
export async function claimsByClass(
  page: Page,
): Promise<Record<string, { articleId: string; id: string }>> {
  return page.evaluate(async () => {
    const api = (window as unknown as { workbench: WorkbenchApi }).workbench;
    const page = await api.claims.query({
      filter: {},
      sort: 'article',
      groupBy: 'none',
      offset: 0,
      limit: 50,
    });
    if (!page.ok) throw new Error(page.error.message);
    return Object.fromEntries(
      page.value.rows.map((r) => [r.claimClass, { articleId: r.articleId, id: r.id }]),
    );
  });
}
