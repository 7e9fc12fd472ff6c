import fc from 'fast-check';
import { hostileTextUnit } from './support/hostile-text';
import { describe, expect, it } from 'vitest';
import { memoMarkdown } from '../memo-markdown';
import { HOSTILE_FRAGMENTS, hostileReportInput } from './support/hostile-memo';
import { expectedFootnotes, expectedFrontMatter } from './support/memo-report-input';
import {
  allNodes,
  expectInertHtml,
  expectReportInvariants,
  plainText,
} from './support/report-invariants';

/** Exports `s` everywhere a memo holds user text and checks the report is inert and well-formed. */
function exportAndCheck(s: string) {
  const input = hostileReportInput(s);
  const markdown = memoMarkdown(input);
  const tree = expectReportInvariants(markdown, {
    frontMatter: expectedFrontMatter(input),
    footnotes: expectedFootnotes(input),
  });
  expectInertHtml(markdown);
  return { markdown, tree };
}

describe('memo report with hostile content', () => {
  for (const fragment of HOSTILE_FRAGMENTS) {
    it(`stays inert: ${JSON.stringify(fragment)}`, () => {
      const { tree } = exportAndCheck(fragment);
      // The words come back as the words: text, never syntax.
      if (
        fragment.trim() === fragment &&
        !/[\r\n]/.test(fragment) &&
        !fragment.includes('\u0000')
      ) {
        const paragraphs = allNodes(tree).filter((node) => node.type === 'paragraph');
        expect(paragraphs.map(plainText)).toContain(fragment);
        const headings = allNodes(tree).filter((node) => node.type === 'heading');
        expect(headings.map(plainText)).toContain(fragment);
      }
    });
  }

  it('stays inert with every fragment at once', () => {
    exportAndCheck(HOSTILE_FRAGMENTS.join(''));
    exportAndCheck(HOSTILE_FRAGMENTS.join('\n'));
  }, 60_000);

  it('keeps long values with line breaks inside the front matter', () => {
    const long = `${'x'.repeat(60)}\n---\ntitle: injected\n...\n${'y'.repeat(60)}`;
    const { markdown } = exportAndCheck(long);
    const lines = markdown.split('\n');
    // One line per key between the fences (a horizontal rule and code in the body add more `---`).
    expect(lines[0]).toBe('---');
    expect(lines.indexOf('---', 1)).toBe(13);
  });

  it('writes no javascript: link however the target is spelled', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'javascript&#58;alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example',
    ]) {
      const input = hostileReportInput('x');
      input.memo.doc.content.push({
        type: 'paragraph',
        content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] }],
      });
      const markdown = memoMarkdown(input);
      expectInertHtml(markdown);
      expect(markdown.toLowerCase()).not.toMatch(/\]\((?:java|vb)script|\]\(data:/);
    }
  });

  it('keeps its invariants for arbitrary text (fast-check)', () => {
    const unit = hostileTextUnit;
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 8 }), (s) => {
        exportAndCheck(s);
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});
