import type { TextRun } from './text-run';

/** A run narrower than this share of the text's width can belong to a column. */
const NARROW_SHARE = 0.55;
/** Each side of a gutter needs this many runs … */
const MIN_COLUMN_RUNS = 3;
/** … this typical width (share of the text's width: no column of numbers in a table) … */
const MIN_COLUMN_SHARE = 0.2;
/** … and a gutter at least this wide, in ems. */
const MIN_GUTTER_EM = 0.8;
/** The gutter is among the widest gaps; trying only these bounds the work on busy pages. */
const GAPS_TRIED = 8;

interface Gutter {
  start: number;
  end: number;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;

/** The two sides of a gap look like columns: enough text, wide lines, side by side. */
function columnsAround(narrow: readonly TextRun[], gutter: Gutter, width: number): boolean {
  const left = narrow.filter((run) => run.x1 <= gutter.start);
  const right = narrow.filter((run) => run.x0 >= gutter.end);
  if (left.length < MIN_COLUMN_RUNS || right.length < MIN_COLUMN_RUNS) return false;
  const typicalWidth = (runs: TextRun[]) => median(runs.map((run) => run.x1 - run.x0));
  if (typicalWidth(left) < MIN_COLUMN_SHARE * width) return false;
  if (typicalWidth(right) < MIN_COLUMN_SHARE * width) return false;
  const top = (runs: TextRun[]) => runs.reduce((y, run) => Math.max(y, run.y), -Infinity);
  const bottom = (runs: TextRun[]) => runs.reduce((y, run) => Math.min(y, run.y), Infinity);
  const overlap = Math.min(top(left), top(right)) - Math.max(bottom(left), bottom(right));
  return overlap > 2 * median(narrow.map((run) => run.size));
}

/**
 * The widest vertical strip that no narrow run crosses and that has a column of text on
 * each side. Wide runs (a title, a full-width figure caption) may cross it.
 */
function findGutter(runs: readonly TextRun[]): Gutter | null {
  if (runs.length < 2 * MIN_COLUMN_RUNS) return null;
  let minX = Infinity;
  let maxX = -Infinity;
  for (const run of runs) {
    minX = Math.min(minX, run.x0);
    maxX = Math.max(maxX, run.x1);
  }
  const width = maxX - minX;
  if (!(width > 0)) return null;
  const narrow = runs
    .filter((run) => run.x1 - run.x0 < NARROW_SHARE * width)
    .sort((a, b) => a.x0 - b.x0);
  if (narrow.length < 2 * MIN_COLUMN_RUNS) return null;
  const minGutter = MIN_GUTTER_EM * median(narrow.map((run) => run.size));
  const gaps: Gutter[] = [];
  let reach = narrow[0]!.x1;
  for (const run of narrow) {
    if (run.x0 - reach >= minGutter) gaps.push({ start: reach, end: run.x0 });
    reach = Math.max(reach, run.x1);
  }
  gaps.sort((a, b) => b.end - b.start - (a.end - a.start));
  return gaps.slice(0, GAPS_TRIED).find((gap) => columnsAround(narrow, gap, width)) ?? null;
}

/**
 * Splits a page's runs into regions in reading order. Where the page has columns, runs
 * that cross the gutter (titles, wide captions) cut it into bands; within a band the left
 * column is read fully before the right one. Columns are searched again inside each
 * column, so three columns work too.
 */
export function readingOrder(runs: readonly TextRun[]): TextRun[][] {
  const gutter = findGutter(runs);
  if (gutter === null) return [[...runs]];
  const regions: TextRun[][] = [];
  let left: TextRun[] = [];
  let right: TextRun[] = [];
  let spanning: TextRun[] = [];
  const flushColumns = () => {
    if (left.length > 0) regions.push(...readingOrder(left));
    if (right.length > 0) regions.push(...readingOrder(right));
    left = [];
    right = [];
  };
  const flushSpanning = () => {
    if (spanning.length > 0) regions.push(spanning);
    spanning = [];
  };
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
    if (run.x1 <= gutter.start + 0.5) {
      flushSpanning();
      left.push(run);
    } else if (run.x0 >= gutter.end - 0.5) {
      flushSpanning();
      right.push(run);
    } else {
      flushColumns();
      spanning.push(run);
    }
  }
  flushSpanning();
  flushColumns();
  return regions;
}
