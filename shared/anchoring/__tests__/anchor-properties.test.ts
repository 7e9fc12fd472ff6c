import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HighlightAnchor } from '../../domain/highlight';
import { anchorHighlights } from '../anchor-highlights';
import { describeTextRange } from '../describe-text-range';
import { editOutside, type EditSpec } from './support/edit-outside';
import { fixtureTexts } from './support/fixture-texts';
import { TrackedText } from './support/tracked-text';

/*
 * Property tests over real articles (German, English, French): random highlights, random
 * edits outside them, global transforms of the whole text. Where each quote's words went
 * is tracked through every edit (support/tracked-text), so each anchor is either the same
 * words, wrong words (not overlapping them) or neither (an orphan, or a partial overlap).
 * The seeds are fixed: every run measures the same 1,000 highlights per property.
 */
const TEXTS = fixtureTexts();
const RUNS = 100;
const HIGHLIGHTS_PER_RUN = 10; // 100 runs × 10 = 1,000 highlights per property

const highlightSpec = fc.record({ at: fc.nat(), length: fc.integer({ min: 5, max: 400 }) });
const editSpec: fc.Arbitrary<EditSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    words: fc.integer({ min: 1, max: 8 }),
    source: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 80 }),
  }),
  fc.record({ kind: fc.constant('whitespace' as const), at: fc.nat(), expand: fc.boolean() }),
);
const caseSpec = (edits: number) =>
  fc.record({
    text: fc.nat({ max: TEXTS.length - 1 }),
    highlights: fc.array(highlightSpec, {
      minLength: HIGHLIGHTS_PER_RUN,
      maxLength: HIGHLIGHTS_PER_RUN,
    }),
    edits: fc.array(editSpec, { minLength: 0, maxLength: edits }),
  });

const SPACE = /\s/;
const MARK = /\p{M}/u;

/**
 * A highlight as a reader would make it: 5–400 characters from a random place, trimmed to
 * non-space ends, never starting or ending inside a character (surrogate pair, or base and
 * combining marks in NFD text).
 */
function place(text: string, spec: { at: number; length: number }) {
  let start = spec.at % text.length;
  while (start < text.length && SPACE.test(text[start]!)) start++;
  if (start === text.length) start = 0;
  while (start > 0 && (MARK.test(text[start]!) || /[\uDC00-\uDFFF]/.test(text[start]!))) start--;
  let end = Math.min(text.length, start + spec.length);
  while (end > start + 1 && SPACE.test(text[end - 1]!)) end--;
  while (end < text.length && (MARK.test(text[end]!) || /[\uDC00-\uDFFF]/.test(text[end]!))) end++;
  return { start, end };
}

interface Tally {
  total: number;
  same: number;
  wrong: number;
  orphans: number;
  byPosition: number;
}

const newTally = (): Tally => ({ total: 0, same: 0, wrong: 0, orphans: 0, byPosition: 0 });

/** Counts each anchor as the same words, wrong words (no overlap) or neither; returns wrong. */
function score(
  tally: Tally,
  anchors: readonly (HighlightAnchor | null)[],
  expected: readonly { start: number; end: number }[],
): number {
  let wrong = 0;
  anchors.forEach((anchor, i) => {
    const want = expected[i]!;
    tally.total++;
    if (anchor === null) {
      tally.orphans++;
      return;
    }
    if (anchor.method === 'position') tally.byPosition++;
    if (anchor.start === want.start && anchor.end === want.end) tally.same++;
    else if (anchor.end <= want.start || anchor.start >= want.end) wrong++;
  });
  tally.wrong += wrong;
  return wrong;
}

function report(name: string, t: Tally): void {
  const pct = (n: number) => `${((100 * n) / t.total).toFixed(2)} %`;
  console.log(
    `${name}: ${t.total} highlights, ${pct(t.same)} same words, ${t.wrong} wrong, ` +
      `${pct(t.orphans)} orphans, ${pct(t.byPosition)} by position`,
  );
}

/** A global transform of the whole text, and how to prepare the text it starts from. */
interface GlobalTransform {
  name: string;
  prepare: (text: string) => string;
  apply: (tracked: TrackedText) => void;
}

const CURLY_TO_STRAIGHT: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '«': '"',
  '»': '"',
};
const toStraight = (text: string) => text.replace(/[‘’‚“”„«»]/g, (q) => CURLY_TO_STRAIGHT[q]!);
const curlyQuotes = () => {
  let open = true;
  return (q: string) => {
    if (q === "'") return '’';
    open = !open;
    return open ? '”' : '“';
  };
};
const toCurly = (text: string) => text.replace(/["']/g, curlyQuotes());
const toNbsp = (text: string) => text.replace(/ /g, '\u00A0');

const TRANSFORMS: GlobalTransform[] = [
  {
    name: 'space → NBSP',
    prepare: (t) => t,
    apply: (tr) => tr.transform(/ /g, () => '\u00A0'),
  },
  {
    name: 'NBSP → space',
    prepare: toNbsp,
    apply: (tr) => tr.transform(/\u00A0/g, () => ' '),
  },
  {
    name: 'curly → straight quotes',
    prepare: toCurly,
    apply: (tr) => tr.transform(/[‘’‚“”„«»]/g, (q) => CURLY_TO_STRAIGHT[q]!),
  },
  {
    name: 'straight → curly quotes',
    prepare: toStraight,
    apply: (tr) => tr.transform(/["']/g, curlyQuotes()),
  },
  {
    name: 'NFC → NFD',
    prepare: (t) => t,
    apply: (tr) => tr.transform(/[^\p{ASCII}]/gu, (c) => c.normalize('NFD')),
  },
  {
    name: 'NFD → NFC',
    prepare: (t) => t.normalize('NFD'),
    apply: (tr) => tr.transform(/\P{M}\p{M}+/gu, (s) => s.normalize('NFC')),
  },
];

/** Words to insert: the other articles'. */
const otherArticles = (text: number) =>
  TEXTS.filter((_, i) => i !== text)
    .map((t) => t.text)
    .join(' ');

/** Places the highlights, edits around them, transforms, anchors and tallies; returns wrong. */
function runCase(
  tally: Tally,
  original: string,
  spec: { text: number; highlights: { at: number; length: number }[]; edits: EditSpec[] },
  transform?: (tracked: TrackedText) => void,
): number {
  const ranges = spec.highlights.map((h) => place(original, h));
  const selectors = ranges.map((r) => describeTextRange(original, r.start, r.end));
  const tracked = new TrackedText(original);
  for (const edit of spec.edits) editOutside(tracked, ranges, edit, otherArticles(spec.text));
  transform?.(tracked);
  const anchors = anchorHighlights(tracked.text, selectors);
  return score(
    tally,
    anchors,
    ranges.map((r) => tracked.map(r.start, r.end)),
  );
}

describe('anchoring real articles (property tests, fixed seeds)', () => {
  it('anchors every highlight by its position in unchanged text', () => {
    const tally = newTally();
    fc.assert(
      fc.property(caseSpec(0), (c) => {
        runCase(tally, TEXTS[c.text]!.text, { ...c, edits: [] });
        return true;
      }),
      { seed: 20260101, numRuns: RUNS },
    );
    report('unchanged', tally);
    expect(tally.total).toBe(1000);
    expect(tally.byPosition).toBe(tally.total);
    expect(tally.same).toBe(tally.total);
  });

  it('re-anchors ≥ 99 % to the same words after edits outside the quotes, none to wrong words', () => {
    const tally = newTally();
    fc.assert(
      fc.property(caseSpec(40), (c) => runCase(tally, TEXTS[c.text]!.text, c) === 0),
      {
        seed: 20260102,
        numRuns: RUNS,
      },
    );
    report('edits outside the quotes', tally);
    expect(tally.wrong).toBe(0);
    expect(tally.same / tally.total).toBeGreaterThanOrEqual(0.99);
  });

  for (const [i, transform] of TRANSFORMS.entries()) {
    it(`re-anchors ≥ 99 % after ${transform.name} over the whole text (with edits), none wrong`, () => {
      const tally = newTally();
      fc.assert(
        fc.property(caseSpec(20), (c) => {
          const original = transform.prepare(TEXTS[c.text]!.text);
          return runCase(tally, original, c, transform.apply) === 0;
        }),
        {
          seed: 20260110 + i,
          numRuns: RUNS,
        },
      );
      report(transform.name, tally);
      expect(tally.wrong).toBe(0);
      expect(tally.same / tally.total).toBeGreaterThanOrEqual(0.99);
    });
  }
});
