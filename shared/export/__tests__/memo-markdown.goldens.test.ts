import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoMarkdown } from '../memo-markdown';
import {
  expectedFootnotes,
  expectedFrontMatter,
  memoReportInput,
  type MemoReportInputFile,
} from './support/memo-report-input';
import { expectInertHtml, expectReportInvariants } from './support/report-invariants';

/*
 * Golden files in the manner of tiptap's packages/markdown/__tests__/conversion-files:
 * each `<case>.input.json` (the report input, its maps as arrays) must export to
 * `<case>.md` byte for byte. For a deliberate format change, run with UPDATE_GOLDENS=1 to
 * rewrite the `.md` files, then read every changed one as a reader would. The folder's
 * `.prettierrc.json` (requirePragma) keeps Prettier off the goldens, which it would
 * otherwise rewrite (single-quoted YAML, `_` emphasis) and so break byte for byte.
 */
const FOLDER = join(import.meta.dirname, 'conversion-files', 'memo');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

const cases = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.input.json'))
  .sort()
  .map((name) => {
    const file = JSON.parse(readFileSync(join(FOLDER, name), 'utf8')) as MemoReportInputFile;
    return { name: name.slice(0, -'.input.json'.length), file, input: memoReportInput(file) };
  });

describe('memo report goldens', () => {
  it('has the cases the format promises', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'german-quote',
        'french-quote',
        'claim-cited-twice',
        'pdf-page-locator',
        'deleted-source',
        'orphaned-claim',
        'edited-highlight',
        'table',
        'lists',
        'links',
        'code-block',
        'conviction-log-on',
        'conviction-log-off',
        'empty-memo',
        'blockquote',
      ]),
    );
  });

  for (const { name, file, input } of cases) {
    describe(`${name}: ${file.description}`, () => {
      const markdown = memoMarkdown(input);
      const golden = join(FOLDER, `${name}.md`);

      it('matches the golden file', () => {
        if (UPDATE) writeFileSync(golden, markdown);
        expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDENS=1`).toBe(true);
        expect(markdown).toBe(readFileSync(golden, 'utf8'));
      });

      it('reads back with the memo front matter, no HTML and one footnote per claim', () => {
        expectReportInvariants(markdown, {
          frontMatter: expectedFrontMatter(input),
          footnotes: expectedFootnotes(input),
        });
        expectInertHtml(markdown);
      });
    });
  }
});
