import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HighlightAnchor, HighlightSelectors } from '../../domain/highlight';
import { anchorHighlights } from '../anchor-highlights';

/**
 * Baselines in the manner of Hypothesis' anchoring tests: each fixture holds an article's
 * current text, selectors made on an earlier version of it, and the anchors expected
 * (worked out from the edits, not from the algorithm).
 */
interface Fixture {
  description: string;
  text: string;
  selectors: HighlightSelectors[];
  expected: (HighlightAnchor | null)[];
}

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({
    name,
    ...(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Fixture),
  }));

describe('anchoring fixtures', () => {
  it('has the baselines', () => {
    expect(fixtures.map((f) => f.name)).toEqual(
      expect.arrayContaining(['unchanged.json', 'shifted.json', 'deleted-quote.json']),
    );
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: ${fixture.description}`, () => {
      expect(anchorHighlights(fixture.text, fixture.selectors)).toEqual(fixture.expected);
    });
  }
});
