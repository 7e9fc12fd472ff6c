import { anchorHighlights } from '../shared/anchoring/anchor-highlights';
import { describeTextRange } from '../shared/anchoring/describe-text-range';
import { fixtureTexts } from '../shared/anchoring/__tests__/support/fixture-texts';
import { TrackedText } from '../shared/anchoring/__tests__/support/tracked-text';
import type { HighlightAnchor, HighlightSelectors } from '../shared/domain/highlight';
import { naiveAnchorHighlights } from './naive-anchor';
import { seededRandom } from './random';
import type { BenchRow } from './results';
import { timeSyncMedian } from './stats';

/** ≈ 50 pages of 3,000 characters. */
const ARTICLE_CHARS = 150_000;
const HIGHLIGHTS = 1_000;
/** Sentences inserted in the first 5 % of the article: almost every stored position shifts. */
const EARLY_INSERTIONS = 20;
const EDITS_THROUGHOUT = 400;
const WARM_UPS = 3;
const RUNS = 21;
const SEED = 20261201;

type Range = { start: number; end: number };

/**
 * The article: the fixture texts' paragraphs, shuffled per copy and concatenated until
 * 150,000 characters. Whole paragraphs recur up to six times, so many quotes (with their
 * context) occur more than once: a fair test of disambiguation.
 */
function buildArticle(random: () => number): string {
  const texts = fixtureTexts().map((t) => t.text.split('\n\n'));
  const paragraphs: string[] = [];
  let length = 0;
  for (let copy = 0; length < ARTICLE_CHARS; copy++) {
    const source = [...texts[copy % texts.length]!];
    for (let i = source.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [source[i], source[j]] = [source[j]!, source[i]!];
    }
    for (const p of source) {
      paragraphs.push(p);
      length += p.length + 2;
    }
  }
  return paragraphs.join('\n\n');
}

/** A reader's highlight: 5–300 characters from a random place, trimmed to non-space ends. */
function placeHighlight(text: string, random: () => number): Range {
  let start = Math.floor(random() * text.length);
  while (start < text.length - 1 && /\s/.test(text[start]!)) start++;
  let end = Math.min(text.length, start + 5 + Math.floor(random() * 296));
  while (end > start + 1 && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const CURLY: Record<string, string> = { '"': '“', "'": '’' };

/**
 * Edits the article around the highlights, never inside one: sentences inserted early,
 * then words inserted, spans deleted, whitespace collapsed or expanded, spaces turned into
 * NBSP and straight quotes into curly ones throughout.
 */
function editArticle(tracked: TrackedText, highlights: readonly Range[], random: () => number) {
  const free = (from: number, to: number) =>
    highlights.every((h) => {
      const { start, end } = tracked.map(h.start, h.end);
      return from === to ? from <= start || from >= end : to <= start || from >= end;
    });
  const sentences = tracked.original.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

  /** Tries random places (within the first `within` characters) until one is free. */
  const somewhere = (within: number, apply: (at: number) => boolean) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      if (apply(Math.floor(random() * within))) return;
    }
  };
  const replaceNext = (pattern: RegExp, at: number, replace: (found: string) => string) => {
    pattern.lastIndex = at;
    const found = pattern.exec(tracked.text);
    if (found === null) return false;
    const from = found.index;
    const to = from + found[0].length;
    if (!free(from, to)) return false;
    tracked.apply([{ from, to, insert: replace(found[0]) }]);
    return true;
  };

  for (let i = 0; i < EARLY_INSERTIONS; i++) {
    somewhere(ARTICLE_CHARS / 20, (at) => {
      if (!free(at, at)) return false;
      tracked.insert(at, ` ${pick(sentences)} ${pick(sentences)} `);
      return true;
    });
  }
  for (let i = 0; i < EDITS_THROUGHOUT; i++) {
    const kind = random();
    somewhere(tracked.text.length, (at) => {
      if (kind < 0.35) {
        if (!free(at, at)) return false;
        const words = pick(sentences).split(' ');
        tracked.insert(at, ` ${words.slice(0, 1 + Math.floor(random() * 8)).join(' ')} `);
        return true;
      }
      if (kind < 0.6) {
        const to = Math.min(tracked.text.length, at + 1 + Math.floor(random() * 80));
        if (!free(at, to)) return false;
        tracked.delete(at, to);
        return true;
      }
      if (kind < 0.8) {
        return replaceNext(/\s+/g, at, (run) => (random() < 0.5 ? ' ' : `${run}\n\n`));
      }
      if (kind < 0.9) return replaceNext(/ /g, at, () => '\u00A0');
      return replaceNext(/["']/g, at, (q) => CURLY[q]!);
    });
  }
}

interface Accuracy {
  same: number;
  wrong: number;
}

/** Same words: the anchor is exactly where the words went; wrong: it misses them entirely. */
function accuracy(anchors: readonly (HighlightAnchor | null)[], expected: readonly Range[]) {
  const result: Accuracy = { same: 0, wrong: 0 };
  anchors.forEach((a, i) => {
    const want = expected[i]!;
    if (a === null) return;
    if (a.start === want.start && a.end === want.end) result.same++;
    else if (a.end <= want.start || a.start >= want.end) result.wrong++;
  });
  return result;
}

/**
 * Anchoring 1,000 highlights in an edited 50-page article: Margin's anchorHighlights
 * against the naive baseline (first indexOf, else approximate search over the whole text).
 */
export async function runAnchorBench(log: (line: string) => void): Promise<BenchRow[]> {
  const random = seededRandom(SEED);
  const original = buildArticle(random);
  const highlights = Array.from({ length: HIGHLIGHTS }, () => placeHighlight(original, random));
  const selectors: HighlightSelectors[] = highlights.map((h) =>
    describeTextRange(original, h.start, h.end),
  );
  const tracked = new TrackedText(original);
  editArticle(tracked, highlights, random);
  const edited = tracked.text;
  const expected = highlights.map((h) => tracked.map(h.start, h.end));
  const moved = highlights.filter((h, i) => expected[i]!.start !== h.start).length;
  log(
    `Anchoring ${HIGHLIGHTS} highlights in a ${original.length.toLocaleString('en')}-character ` +
      `article edited to ${edited.length.toLocaleString('en')} (${moved} positions shifted)…`,
  );

  const marginMs = timeSyncMedian(WARM_UPS, RUNS, () => anchorHighlights(edited, selectors));
  const naiveMs = timeSyncMedian(WARM_UPS, RUNS, () => naiveAnchorHighlights(edited, selectors));
  const marginAnchors = anchorHighlights(edited, selectors);
  const margin = accuracy(marginAnchors, expected);
  const naive = accuracy(naiveAnchorHighlights(edited, selectors), expected);
  const methods = ['position', 'quote', 'fuzzy'].map(
    (m) => `${m} ${marginAnchors.filter((a) => a?.method === m).length}`,
  );
  const orphans = marginAnchors.filter((a) => a === null).length;
  log(`Margin: ${methods.join(', ')}, orphans ${orphans}.`);

  return [
    {
      id: 'anchor.1000.ms',
      label: `Anchor ${HIGHLIGHTS} highlights in an edited 50-page article (≈ 150,000 characters), median of ${RUNS}`,
      value: marginMs,
      unit: 'ms',
      target: 30,
      peer: { label: 'naive indexOf + approximate search', value: naiveMs },
    },
    {
      id: 'anchor.1000.accuracy',
      label: 'Fraction of those highlights re-anchored to exactly the same words',
      value: margin.same / HIGHLIGHTS,
      unit: 'fraction',
      target: null,
      peer: { label: 'naive indexOf + approximate search', value: naive.same / HIGHLIGHTS },
    },
    {
      id: 'anchor.1000.wrong',
      label: 'Highlights anchored to wrong words (not overlapping their own)',
      value: margin.wrong,
      unit: 'count',
      target: 0,
      peer: { label: 'naive indexOf + approximate search', value: naive.wrong },
    },
  ];
}
