import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFragmentToDocument } from '../html-to-document';
import { parseHtml } from '../parse-html';
import { flattenDeepNesting, MAX_NESTING_DEPTH } from '../html/flatten-deep-nesting';
import { sharedWindow } from '../html/shared-window';
import { stripHeavyMarkup } from '../html/strip-heavy-markup';

const newsDir = join(import.meta.dirname, '../../../../../../e2e/fixtures/news-html');

/** How deep the parsed document's elements nest. */
function parsedDepth(html: string): number {
  const doc = new (sharedWindow().window.DOMParser)().parseFromString(html, 'text/html');
  let deepest = 0;
  const stack: Array<[Element, number]> = [[doc.documentElement, 1]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('flattenDeepNesting', () => {
  it('leaves every real page of the news corpus exactly as it is (scripts and styles cut first)', () => {
    for (const page of readdirSync(newsDir).filter((name) => !name.includes('.'))) {
      const html = stripHeavyMarkup(readFileSync(join(newsDir, page, 'source.html'), 'utf8'));
      expect(flattenDeepNesting(html), page).toBe(html);
    }
  });

  it('drops the tags below the limit and keeps every word', () => {
    const depth = 20_000;
    const html = `<p>Vorher.</p>${'<b>'.repeat(depth)}Tief unten: 4,2 Mrd. €${'</b>'.repeat(depth)}<p>Nachher.</p>`;
    const flat = flattenDeepNesting(html);
    expect(flat.length).toBeLessThan(html.length);
    expect(flat).toContain('Tief unten: 4,2 Mrd. €');
    expect((flat.match(/<b>/g) ?? []).length).toBe(MAX_NESTING_DEPTH);
    expect((flat.match(/<\/b>/g) ?? []).length).toBe(MAX_NESTING_DEPTH);
    expect(parsedDepth(flat)).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 3);
  });

  it('reads a `>` inside a quoted attribute as part of the tag', () => {
    const html = `${'<span title="a>b">'.repeat(3)}Text${'</span>'.repeat(3)}`;
    expect(flattenDeepNesting(html, 1)).toBe('<span title="a>b">Text</span>');
  });

  it('does not count elements that hold nothing or whose end tag may be left out', () => {
    const html = `${'<p>Absatz '.repeat(2000)}${'<li>Punkt '.repeat(2000)}${'<br>'.repeat(2000)}`;
    expect(flattenDeepNesting(html)).toBe(html);
  });
});

describe('a page nested 20,000 levels deep', () => {
  it('imports its words in moments instead of hanging the parser', async () => {
    const depth = 20_000;
    const html = `<html><body><article><p>Die Marge stieg auf 31 Prozent.</p>${'<div><b>'.repeat(depth / 2)}Der Ausblick wurde bestätigt.${'</b></div>'.repeat(depth / 2)}</article></body></html>`;
    const document = await parseHtml(html);
    expect(document.text).toContain('Die Marge stieg auf 31 Prozent.');
    expect(document.text).toContain('Der Ausblick wurde bestätigt.');
  });
});

describe('deep nesting in a fragment (an e-mail body, a Word file’s HTML)', () => {
  it('is flattened the same way', () => {
    const html = `${'<i>'.repeat(20_000)}Kursziel 210 €${'</i>'.repeat(20_000)}`;
    expect(htmlFragmentToDocument(html).text).toBe('Kursziel 210 €');
  });
});
