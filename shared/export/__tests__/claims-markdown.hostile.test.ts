import fc from 'fast-check';
import { hostileTextUnit } from './support/hostile-text';
import { describe, expect, it } from 'vitest';
import { claimsMarkdown } from '../claims-markdown';
import { expectedClaimsFootnotes, expectedClaimsFrontMatter } from './support/claims-report-input';
import { hostileClaimsInput } from './support/hostile-claims';
import { HOSTILE_FRAGMENTS } from './support/hostile-memo';
import { comparable, readBack } from './support/read-back';
import { reportBody } from './support/report-body';
import { allNodes, expectInertHtml, expectReportInvariants } from './support/report-invariants';

/** Property runs: raise with FUZZ_RUNS=5000 for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** Exports `s` everywhere a claims report holds the analyst's or an article's text, and checks it. */
function exportAndCheck(s: string) {
  const input = hostileClaimsInput(s);
  const markdown = claimsMarkdown(input);
  const tree = expectReportInvariants(markdown, {
    frontMatter: expectedClaimsFrontMatter(input),
    footnotes: expectedClaimsFootnotes(input),
  });
  expectInertHtml(reportBody(markdown));
  // The title and each filter come back as the words they were (a blank filter is left out).
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1)!;
  expect(comparable(readBack(heading))).toBe(comparable(s));
  const items = allNodes(tree)
    .filter((node) => node.type === 'listItem')
    .map(readBack);
  for (const filter of input.filters.filter((f) => f.trim()))
    expect(items.map(comparable)).toContain(comparable(filter));
  return markdown;
}

describe('claims report with hostile content', () => {
  for (const fragment of HOSTILE_FRAGMENTS) {
    it(`stays inert: ${JSON.stringify(fragment)}`, () => {
      exportAndCheck(fragment);
    });
  }

  it('stays inert with every fragment at once', () => {
    exportAndCheck(HOSTILE_FRAGMENTS.join(''));
    exportAndCheck(HOSTILE_FRAGMENTS.join('\n'));
  });

  it(
    'keeps its invariants for arbitrary text (fast-check)',
    () => {
      const unit = hostileTextUnit;
      fc.assert(
        fc.property(fc.string({ unit, minLength: 1, maxLength: 8 }), (s) => {
          exportAndCheck(s);
        }),
        { numRuns: RUNS },
      );
    },
    RUNS * 600,
  );
});
