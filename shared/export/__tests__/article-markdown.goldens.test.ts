import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMarkdown } from '../article-markdown';
import {
  articleReportInput,
  expectedArticleFootnotes,
  expectedArticleFrontMatter,
  type ArticleReportInputFile,
} from './support/article-report-input';
import { expectInertHtml, expectReportInvariants } from './support/report-invariants';

/*
 * Golden files in the manner of tiptap's packages/markdown/__tests__/conversion-files:
 * each `<case>.input.json` (the report input plus a description) must export to
 * `<case>.md` byte for byte. For a deliberate format change, run with UPDATE_GOLDENS=1 to
 * rewrite the `.md` files, then read every changed one as a reader would.
 */
const FOLDER = join(import.meta.dirname, 'conversion-files', 'article');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

const cases = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.input.json'))
  .sort()
  .map((name) => {
    const file = JSON.parse(readFileSync(join(FOLDER, name), 'utf8')) as ArticleReportInputFile;
    return { name: name.slice(0, -'.input.json'.length), file, input: articleReportInput(file) };
  });

describe('article report goldens', () => {
  it('has the cases the format promises', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'german-claims-only',
        'german-full-text',
        'french-article',
        'pdf-page-locators',
        'orphan-claims',
        'overlapping-highlights',
        'table-and-lists',
        'hostile-content',
      ]),
    );
  });

  for (const { name, file, input } of cases) {
    describe(`${name}: ${file.description}`, () => {
      const markdown = articleMarkdown(input);
      const golden = join(FOLDER, `${name}.md`);

      it('has anchors that hold their claims’ quotes', () => {
        // Guards the fixture itself: the golden is only as good as its input.
        for (const anchor of input.fullText?.anchors ?? []) {
          const claim = input.claims.find((c) => c.highlightId === anchor.highlightId)!;
          expect(input.fullText!.text.slice(anchor.start, anchor.end)).toBe(claim.quote);
          expect(claim.start).toBe(anchor.start);
        }
      });

      it('matches the golden file', () => {
        if (UPDATE) writeFileSync(golden, markdown);
        expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDENS=1`).toBe(true);
        expect(markdown).toBe(readFileSync(golden, 'utf8'));
      });

      it('reads back with its front matter, no HTML and one footnote per marked claim', () => {
        expectReportInvariants(markdown, {
          frontMatter: expectedArticleFrontMatter(input),
          footnotes: expectedArticleFootnotes(input),
        });
        expectInertHtml(markdown);
      });
    });
  }
});
