import { fixLigatures } from './fix-ligatures';
import { readingOrder } from './reading-order';
import { joinRunText, type TextRun } from './text-run';

/** The parts of a pdf.js text item that the layout reads. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, x, y]: text direction and size, then the origin, in PDF user space. */
  transform: readonly number[];
  width: number;
  height: number;
}

/** One line of a page, in reading order. */
export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  /** Baseline; larger is higher up the page. */
  y: number;
  size: number;
  /** 1-based page number. */
  page: number;
  /** The column or band of the page the line belongs to, numbered in reading order. */
  region: number;
}

/** Items whose baselines differ by less than this (in ems) share a line: superscripts do. */
const SAME_LINE_EM = 0.5;
/** A gap wider than this (in ems) splits a line into runs, in case it is a column gutter. */
const RUN_GAP_EM = 0.8;

interface PlacedItem {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** Text direction, rounded: items in other directions than the page's main one drop out. */
  direction: number;
}

/** One number per direction of text (to about 3°), counting from the upright. */
const directionOf = (ux: number, uy: number) => Math.round(ux * 20) * 64 + Math.round(uy * 20);

/**
 * Puts items into the frame of the page's main text direction, so rotated pages read like
 * upright ones; text in another direction (a rotated note in the margin) is left out.
 */
function placeItems(items: readonly PdfTextItem[]): PlacedItem[] {
  const placed: PlacedItem[] = [];
  const chars = new Map<number, number>();
  let main = directionOf(1, 0);
  let mainUx = 1;
  let mainUy = 0;
  for (const item of items) {
    const t = item.transform;
    const a = t[0] ?? 0;
    const b = t[1] ?? 0;
    const length = Math.hypot(a, b);
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height;
    if (item.str === '' || !(length > 0) || !(size > 0)) continue;
    const direction = directionOf(a / length, b / length);
    const count = (chars.get(direction) ?? 0) + item.str.length;
    chars.set(direction, count);
    if (count > (chars.get(main) ?? 0)) {
      [main, mainUx, mainUy] = [direction, a / length, b / length];
    }
    placed.push({
      text: item.str,
      x: t[4] ?? 0,
      y: t[5] ?? 0,
      width: Math.max(0, item.width),
      size,
      direction,
    });
  }
  const kept = placed.filter((item) => item.direction === main);
  if (main !== directionOf(1, 0)) {
    for (const item of kept) {
      [item.x, item.y] = [item.x * mainUx + item.y * mainUy, item.y * mainUx - item.x * mainUy];
    }
  }
  return kept;
}

/** Runs in content order: an item joins the previous run when it goes on along its line. */
function toRuns(items: readonly PlacedItem[]): TextRun[] {
  const runs: TextRun[] = [];
  let run: TextRun | null = null;
  let spaced = false;
  for (const item of items) {
    if (item.text.trim() === '') {
      spaced = true;
      continue;
    }
    const text = fixLigatures(item.text);
    const size = Math.max(item.size, run?.size ?? 0);
    const gap = run === null ? 0 : item.x - run.x1;
    if (
      run !== null &&
      Math.abs(item.y - run.y) < SAME_LINE_EM * size &&
      gap > -SAME_LINE_EM * size &&
      gap < RUN_GAP_EM * size
    ) {
      run.text = joinRunText(spaced ? `${run.text} ` : run.text, text, gap, item.size);
      run.x1 = Math.max(run.x1, item.x + item.width);
      if (text.length > run.weight) {
        run.weight = text.length;
        run.y = item.y;
        run.size = item.size;
      }
    } else {
      run = {
        text,
        x0: item.x,
        x1: item.x + item.width,
        y: item.y,
        size: item.size,
        weight: text.length,
      };
      runs.push(run);
    }
    spaced = false;
  }
  return runs;
}

/** Groups a region's runs into lines, top to bottom, each line's runs left to right. */
function toLines(runs: TextRun[], page: number, region: number, lines: PdfLine[]): void {
  runs.sort((a, b) => b.y - a.y || a.x0 - b.x0);
  let start = 0;
  while (start < runs.length) {
    let main = runs[start]!;
    let end = start + 1;
    for (; end < runs.length; end++) {
      const run = runs[end]!;
      if (Math.abs(run.y - main.y) >= SAME_LINE_EM * Math.max(run.size, main.size)) break;
      if (run.weight > main.weight) main = run;
    }
    const members = runs.slice(start, end);
    if (members.length > 1) members.sort((a, b) => a.x0 - b.x0);
    let text = members[0]!.text;
    let x1 = members[0]!.x1;
    for (let i = 1; i < members.length; i++) {
      const run = members[i]!;
      text = joinRunText(text, run.text, run.x0 - x1, main.size);
      x1 = Math.max(x1, run.x1);
    }
    lines.push({ text, x0: members[0]!.x0, x1, y: main.y, size: main.size, page, region });
    start = end;
  }
}

/**
 * Rebuilds the lines of one page from pdf.js text items, in reading order: columns are
 * found by their gutter and read one after the other.
 */
export function pageLines(items: readonly PdfTextItem[], page: number): PdfLine[] {
  const runs = toRuns(placeItems(items));
  const lines: PdfLine[] = [];
  if (runs.length > 0) {
    readingOrder(runs).forEach((region, index) => toLines(region, page, index, lines));
  }
  return lines;
}
