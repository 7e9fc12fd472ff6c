import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimsMarkdown } from '../claims-markdown';
import {
  claimsReportInput,
  expectedClaimsFootnotes,
  expectedClaimsFrontMatter,
  type ClaimsReportInputFile,
} from './support/claims-report-input';
import { expectInertHtml, expectReportInvariants } from './support/report-invariants';

/*
 * Golden files in the manner of tiptap's packages/markdown/__tests__/conversion-files:
 * each `<case>.input.json` (the report input, its sources map as an array, plus a
 * description) must export to
 * `<case>.md` byte for byte. For a deliberate format change, run with UPDATE_GOLDENS=1 to
 * rewrite the `.md` files, then read every changed one as a reader would.
 */
const FOLDER = join(import.meta.dirname, 'conversion-files', 'claims');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

const cases = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.input.json'))
  .sort()
  .map((name) => {
    const file = JSON.parse(readFileSync(join(FOLDER, name), 'utf8')) as ClaimsReportInputFile;
    return { name: name.slice(0, -'.input.json'.length), file, input: claimsReportInput(file) };
  });

describe('claims report goldens', () => {
  it('has the cases the format promises', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'risk-msft-quarter',
        'all-classes',
        'empty-selection',
        'hostile-content',
      ]),
    );
  });

  for (const { name, file, input } of cases) {
    describe(`${name}: ${file.description}`, () => {
      const markdown = claimsMarkdown(input);
      const golden = join(FOLDER, `${name}.md`);

      it('matches the golden file', () => {
        if (UPDATE) writeFileSync(golden, markdown);
        expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDENS=1`).toBe(true);
        expect(markdown).toBe(readFileSync(golden, 'utf8'));
      });

      it('reads back with its front matter, no HTML and one footnote per claim', () => {
        expectReportInvariants(markdown, {
          frontMatter: expectedClaimsFrontMatter(input),
          footnotes: expectedClaimsFootnotes(input),
        });
        expectInertHtml(markdown);
      });
    });
  }
});
