import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClaimClass } from '../../domain/highlight';
import { suggestClaims } from '../suggest-claims';

/**
 * Labelled fixtures, judged by reading the text: the seed article (every sentence) and
 * broker-note sentences in German, English and French. Precision and recall per class are
 * printed and must stay above a floor; a change to a lexicon or the scorer shows here.
 */
const fixturesDir = join(import.meta.dirname, 'fixtures');
const repoDir = join(import.meta.dirname, '../../..');

/** A sentence, the class a reader gave it, and the class Margin suggests (null: none). */
interface Labelled {
  text: string;
  expected: ClaimClass | null;
  suggested: ClaimClass | null;
}

function seedSentences(): Labelled[] {
  const fixture = JSON.parse(
    readFileSync(join(fixturesDir, 'seed-microsoft-openai-de.json'), 'utf8'),
  ) as {
    language: string;
    source: string;
    sentences: Array<{ startsWith: string; expected: ClaimClass | null }>;
  };
  const text = readFileSync(join(repoDir, fixture.source), 'utf8');
  const suggestions = suggestClaims(text, fixture.language);
  return fixture.sentences.map(({ startsWith, expected }) => {
    const at = text.indexOf(startsWith);
    expect(at, startsWith).toBeGreaterThanOrEqual(0);
    const suggested = suggestions.find((s) => s.start === at);
    return { text: startsWith, expected, suggested: suggested?.claimClass ?? null };
  });
}

function sentenceFixture(name: string): Labelled[] {
  const fixture = JSON.parse(readFileSync(join(fixturesDir, name), 'utf8')) as {
    language: string;
    sentences: Array<{ text: string; expected: ClaimClass | null }>;
  };
  return fixture.sentences.map(({ text, expected }) => {
    const [suggestion] = suggestClaims(text, fixture.language);
    return {
      text,
      language: fixture.language,
      expected,
      suggested: suggestion?.claimClass ?? null,
    };
  });
}

function scores(
  rows: ReadonlyArray<{ expected: ClaimClass | null; suggested: ClaimClass | null }>,
  claimClass: ClaimClass,
) {
  const truePositives = rows.filter(
    (r) => r.suggested === claimClass && r.expected === claimClass,
  ).length;
  const suggested = rows.filter((r) => r.suggested === claimClass).length;
  const expected = rows.filter((r) => r.expected === claimClass).length;
  return {
    precision: suggested === 0 ? 1 : truePositives / suggested,
    recall: expected === 0 ? 1 : truePositives / expected,
    expected,
  };
}

const report: string[] = [];
afterAll(() =>
  console.log(`Claim suggestions, precision / recall per class:\n${report.join('\n')}`),
);

describe.each([
  {
    name: 'the seed article (de)',
    rows: () => seedSentences(),
    floor: { thesis: 0.8, risk: 0.8, evidence: 1 },
  },
  {
    name: 'broker notes (de)',
    rows: () => sentenceFixture('notes-de.json'),
    floor: { thesis: 0.8, risk: 0.8, evidence: 0.8 },
  },
  {
    name: 'broker notes (en)',
    rows: () => sentenceFixture('broker-notes-en.json'),
    floor: { thesis: 0.8, risk: 0.8, evidence: 0.8 },
  },
  {
    name: 'analyst notes (fr)',
    rows: () => sentenceFixture('notes-fr.json'),
    floor: { thesis: 0.8, risk: 0.8, evidence: 0.8 },
  },
])('suggestions on $name', ({ name, rows, floor }) => {
  it('find the labelled claims with precision and recall above the floor, per class', () => {
    const labelled = rows();
    const line: string[] = [];
    for (const claimClass of ['thesis', 'risk', 'evidence'] as const) {
      const { precision, recall, expected } = scores(labelled, claimClass);
      line.push(`${claimClass} ${precision.toFixed(2)} / ${recall.toFixed(2)} (${expected})`);
      expect(precision, `${claimClass} precision`).toBeGreaterThanOrEqual(floor[claimClass]);
      expect(recall, `${claimClass} recall`).toBeGreaterThanOrEqual(floor[claimClass]);
    }
    const misses = labelled.filter((r) => r.expected !== r.suggested);
    report.push(`  ${name}: ${line.join(' · ')}; ${misses.length} of ${labelled.length} differ`);
  });
});
