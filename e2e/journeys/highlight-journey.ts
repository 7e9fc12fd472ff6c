import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export const riskSentence =
  'Ein wesentliches Problem besteht darin, dass OpenAI trotz der Partnerschaft mit Microsoft immer stärker als eigenständiger Akteur wahrgenommen wird.';
/** The evidence highlight overlaps the end of the risk sentence and runs into the next one. */
export const evidenceWords = {
  from: 'eigenständiger Akteur',
  to: 'Das Unternehmen verfolgt',
};

export const panel = (page: Page) => page.getByRole('complementary');
export const cards = (page: Page) =>
  panel(page).getByRole('listbox', { name: 'Highlights in document order' }).getByRole('option');
export const toolbar = (page: Page) =>
  page.getByRole('toolbar', { name: 'Highlight the selection' });

/** Drags the mouse from the first character of `from` to the last of `to` in the reader. */
export async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  const points = await page.evaluate(
    ([fromText, toText]: [string, string]) => {
      const body = document.querySelector('.reader-body')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const charRect = (needle: string, last: boolean) => {
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(needle);
          if (at === -1) continue;
          const range = new Range();
          const offset = last ? at + needle.length - 1 : at;
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          walker.currentNode = body;
          if (!last) node.parentElement!.scrollIntoView({ block: 'center' });
          return range;
        }
        throw new Error(`"${needle}" is not in the reader`);
      };
      const start = charRect(fromText, false);
      const end = charRect(toText, true);
      // Measured after scrolling, so both points are where the mouse will go.
      return {
        start: start.getBoundingClientRect().toJSON() as DOMRect,
        end: end.getBoundingClientRect().toJSON() as DOMRect,
      };
    },
    [from, to] as [string, string],
  );
  const y = (r: DOMRect) => r.top + r.height / 2;
  await page.mouse.move(points.start.left + 1, y(points.start));
  await page.mouse.down();
  await page.mouse.move(points.end.right - 1, y(points.end), { steps: 8 });
  await page.mouse.up();
}

/** Clicks just before the first character of `text` in the reader: the caret goes there. */
export async function clickBefore(page: Page, text: string): Promise<void> {
  const rect = await page.evaluate((needle: string) => {
    const body = document.querySelector('.reader-body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at === -1) continue;
      node.parentElement!.scrollIntoView({ block: 'center' });
      const range = new Range();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect().toJSON() as DOMRect;
    }
    throw new Error(`"${needle}" is not in the reader`);
  }, text);
  await page.mouse.click(rect.left + 1, rect.top + rect.height / 2);
}

/** The selected text in the page, as the analyst sees it selected. */
export const selectedText = (page: Page) =>
  page.evaluate(() => window.getSelection()?.toString() ?? '');

/**
 * What is painted for each class, as canonical offsets: the first and last character of
 * each CSS highlight range (ranges of one highlight are per text node, so they are joined
 * where they follow one another).
 */
export function paintedSpans(page: Page) {
  return page.evaluate(() => {
    const offsetOf = (node: Node, offset: number) =>
      Number((node.parentElement as HTMLElement).dataset.at) + offset;
    const spans: Record<string, Array<[number, number]>> = {};
    for (const name of ['margin-thesis', 'margin-risk', 'margin-evidence', 'margin-overlap']) {
      const ranges = [...((CSS.highlights.get(name) as Set<Range> | undefined) ?? [])]
        .map(
          (r) =>
            [offsetOf(r.startContainer, r.startOffset), offsetOf(r.endContainer, r.endOffset)] as [
              number,
              number,
            ],
        )
        .sort((a, b) => a[0] - b[0]);
      spans[name] = ranges;
    }
    return spans;
  });
}

/** Text of the painted ranges of one CSS highlight, joined by a space per text node. */
export const paintedText = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      [...((CSS.highlights.get(n) as Set<Range> | undefined) ?? [])]
        .map((r) => r.toString())
        .join(' '),
    name,
  );

interface StoredHighlight {
  id: string;
  claimClass: string;
  note: string;
  paraphrase: string;
  selectors: { quote: { exact: string }; position: { start: number; end: number } };
}

/** The annotations file of the only article in the library. */
export async function annotationsFile(dataDir: string): Promise<string> {
  const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as {
    articles: Array<{ id: string }>;
  };
  return join(dataDir, 'articles', library.articles[0]!.id, 'annotations.json');
}

/** The highlights on disk for the only article in the library. */
export async function storedHighlights(dataDir: string): Promise<StoredHighlight[]> {
  const file = await annotationsFile(dataDir);
  return (JSON.parse(await readFile(file, 'utf8')) as { highlights: StoredHighlight[] }).highlights;
}

/** Collapses whitespace, for comparing a selection's text with a stored quote. */
export const words = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function expectCounts(page: Page, thesis: number, risk: number, evidence: number) {
  const counts = panel(page).getByLabel('Highlights per class');
  await expect(counts.getByTestId('count-thesis')).toHaveText(`Thesis ${thesis}`);
  await expect(counts.getByTestId('count-risk')).toHaveText(`Risk ${risk}`);
  await expect(counts.getByTestId('count-evidence')).toHaveText(`Evidence ${evidence}`);
}
