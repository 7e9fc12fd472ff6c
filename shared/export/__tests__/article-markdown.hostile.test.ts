import fc from 'fast-check';
import { hostileTextUnit } from './support/hostile-text';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { articleMarkdown } from '../article-markdown';
import {
  expectedArticleFootnotes,
  expectedArticleFrontMatter,
} from './support/article-report-input';
import { hostileArticleInput } from './support/hostile-article';
import { HOSTILE_FRAGMENTS } from './support/hostile-memo';
import { comparable, readBack } from './support/read-back';
import { reportBody } from './support/report-body';
import { allNodes, expectInertHtml, expectReportInvariants } from './support/report-invariants';

/** Property runs: raise with FUZZ_RUNS=5000 for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** Exports `s` everywhere an article report holds outside text, and checks the report. */
function exportAndCheck(s: string, language?: string) {
  const input = hostileArticleInput(s, language);
  const markdown = articleMarkdown(input);
  const tree = expectReportInvariants(markdown, {
    frontMatter: expectedArticleFrontMatter(input),
    footnotes: expectedArticleFootnotes(input),
  });
  expectInertHtml(reportBody(markdown));

  // The article's words come back as its words, block by block: text, never syntax.
  const { text, blocks } = input.fullText!;
  const fullText = tree.children.slice(
    tree.children.findIndex((node) => node.type === 'heading' && readBack(node) === 'Full text') +
      1,
  );
  const shown = (type: Nodes['type']) =>
    fullText.flatMap((node) => allNodes(node)).filter((node) => node.type === type);
  const words = (range: { start: number; end: number }) =>
    comparable(text.slice(range.start, range.end));
  expect(shown('heading').map((n) => comparable(readBack(n)))).toEqual([words(blocks[0]!)]);
  expect(shown('listItem').map((n) => comparable(readBack(n)))).toEqual([
    comparable(`${text.slice(blocks[2]!.start, blocks[2]!.end)} ${words(blocks[3]!)}`),
    words(blocks[3]!),
  ]);
  expect(shown('blockquote').map((n) => comparable(readBack(n)))).toEqual([words(blocks[4]!)]);
  // A code block keeps its text as it is, but for line endings and NUL (CommonMark's rules).
  expect(shown('code').map((n) => (n as { value: string }).value)).toEqual([
    text
      .slice(blocks[5]!.start, blocks[5]!.end)
      .replace(/\r\n?/g, '\n')
      .replaceAll('\u0000', '\uFFFD'),
  ]);
  const table = blocks[6]!;
  if (table.kind !== 'table') throw new Error('the hostile article has its table seventh');
  expect(shown('tableCell').map((n) => comparable(readBack(n)))).toEqual(
    table.rows.flatMap((row) => row.cells.map(words)),
  );
  const paragraphs = fullText.filter((node) => node.type === 'paragraph').map(readBack);
  expect(paragraphs.map(comparable)).toEqual(
    expect.arrayContaining([words(blocks[1]!), words(blocks[7]!)]),
  );
  return markdown;
}

describe('article report with hostile content', () => {
  for (const fragment of HOSTILE_FRAGMENTS) {
    it(`stays inert: ${JSON.stringify(fragment)}`, () => {
      exportAndCheck(fragment);
    });
  }

  it('stays inert with every fragment at once', () => {
    exportAndCheck(HOSTILE_FRAGMENTS.join(''));
    exportAndCheck(HOSTILE_FRAGMENTS.join('\n'), 'de');
  });

  it('links only to http, https and mailto', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' data:text/html,x',
      'vbscript:x',
      '//evil.example',
    ]) {
      const input = hostileArticleInput('x');
      input.fullText!.links = [{ start: 0, end: 1, href }];
      const markdown = articleMarkdown(input);
      expectInertHtml(markdown);
      expect(markdown.toLowerCase()).not.toMatch(/\]\((?:java|vb)script|\]\(data:|\]\(\/\//);
    }
  });

  it(
    'keeps its invariants for arbitrary text (fast-check)',
    () => {
      const unit = hostileTextUnit;
      fc.assert(
        fc.property(
          fc.string({ unit, minLength: 1, maxLength: 8 }),
          fc.constantFrom('de', 'fr', 'en'),
          (s, language) => {
            exportAndCheck(s, language);
          },
        ),
        { numRuns: RUNS },
      );
    },
    RUNS * 600,
  );
});
