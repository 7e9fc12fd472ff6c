import { joinWrappedLine } from './join-wrapped-line';
import type { PdfLine } from './page-lines';

/** A paragraph or heading of the imported PDF, with the page it starts on. */
export interface PdfBlock {
  kind: 'paragraph' | 'heading';
  /** Heading level (1 = largest type); 0 for paragraphs. */
  level: number;
  text: string;
  page: number;
}

/** Font sizes within this share of each other count as the same size. */
const SAME_SIZE = 0.15;
/** More space than the usual line spacing plus this (in ems) starts a paragraph. */
const PARAGRAPH_GAP_EM = 0.3;
/** A first line indented by more than this (in ems) starts a paragraph. */
const INDENT_EM = 0.8;
/** Line spacing (baseline to baseline, in ems) when a document has too few lines to tell. */
const DEFAULT_LEADING = 1.2;
/** A heading is set at least this much larger than the body text … */
const HEADING_SCALE = 1.2;
/** … and is short. */
const MAX_HEADING_LINES = 3;
const MAX_HEADING_CHARS = 200;
const MAX_HEADING_LEVEL = 3;

const BULLET = /^[•●▪■◦‣∙]/u;
const LIST_MARKER = /^(?:[•●▪■◦‣∙*–-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/u;
const SENTENCE_END = /[.!?:…]["'’”«»)\]]*$/u;

interface Bounds {
  left: number;
  right: number;
  width: number;
  lines: number;
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);
const regionKey = (line: PdfLine) => `${line.page}:${line.region}`;
const sizeKey = (size: number) => Math.round(size * 2) / 2;

function nearestRank(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/**
 * Each region's text edges: the left edge most of its lines start at (so an indent or a
 * stray wide line does not move it) and the right edge most lines reach.
 */
function regionBounds(lines: readonly PdfLine[]): Map<string, Bounds> {
  const grouped = new Map<string, PdfLine[]>();
  for (const line of lines) {
    const members = grouped.get(regionKey(line));
    if (members) members.push(line);
    else grouped.set(regionKey(line), [line]);
  }
  const bounds = new Map<string, Bounds>();
  for (const [key, members] of grouped) {
    const starts = new Map<number, number>();
    for (const line of members) {
      const start = Math.round(line.x0);
      starts.set(start, (starts.get(start) ?? 0) + 1);
    }
    let common = Infinity;
    let most = 0;
    for (const [start, count] of starts) {
      if (count > most || (count === most && start < common)) [common, most] = [start, count];
    }
    let left = Infinity;
    for (const line of members) {
      if (most === 1 || Math.round(line.x0) === common) left = Math.min(left, line.x0);
    }
    const right = nearestRank(
      members.map((line) => line.x1).sort((a, b) => a - b),
      0.9,
    );
    bounds.set(key, { left, right, width: Math.max(right - left, 1), lines: members.length });
  }
  return bounds;
}

/** Usual baseline-to-baseline distance in ems, from lines that follow each other closely. */
function typicalLeading(lines: readonly PdfLine[]): number {
  const samples: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const line = lines[i]!;
    if (regionKey(prev) !== regionKey(line) || Math.abs(prev.size - line.size) > 0.05 * line.size) {
      continue;
    }
    const ems = (prev.y - line.y) / line.size;
    if (ems > 0 && ems < 3) samples.push(ems);
  }
  // A low percentile: paragraph gaps only ever add to the spacing.
  return samples.length < 3
    ? DEFAULT_LEADING
    : nearestRank(
        samples.sort((a, b) => a - b),
        0.3,
      );
}

/** Hyphenated words the document writes inside a line (lower case): "bolt-on". */
function hyphenatedWords(lines: readonly PdfLine[]): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    if (!line.text.includes('-')) continue;
    for (const [word] of line.text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
      words.add(word.toLowerCase());
    }
  }
  return words;
}

/**
 * A paragraph's text from its lines. Joins line to line, never onto the whole text so far,
 * so a paragraph of thousands of lines stays linear.
 */
function joinLines(lines: readonly PdfLine[], hyphenated: ReadonlySet<string>): string {
  let done = '';
  let last = lines[0]!.text.trim();
  for (const line of lines.slice(1)) {
    const next = line.text.trim();
    const joined = joinWrappedLine(last, next, hyphenated);
    // The join changes only the seam, and ends with `next` itself.
    const cut = joined.length - next.length;
    done += joined.slice(0, cut);
    last = joined.slice(cut);
  }
  return done + last;
}

/** The size most of the text is set in. */
function bodySize(lines: readonly PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) {
    chars.set(sizeKey(line.size), (chars.get(sizeKey(line.size)) ?? 0) + line.text.length);
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most) [body, most] = [size, count];
  }
  return body;
}

/**
 * Joins the lines of a document (pages in order, each in reading order) into paragraphs:
 * a new one starts after a gap larger than the line spacing, at an indented first line,
 * after a short line that ends a sentence, at a bullet, or where the font size changes.
 * A paragraph runs on across a column or page break when its last line is full and open.
 * Short blocks set clearly larger than the body text become headings.
 */
export function linesToBlocks(pages: readonly PdfLine[][]): PdfBlock[] {
  const lines = pages.flat();
  if (lines.length === 0) return [];
  const bounds = regionBounds(lines);
  const boundsOf = (line: PdfLine) => bounds.get(regionKey(line))!;
  const leading = typicalLeading(lines);
  const body = bodySize(lines);
  const hyphenated = hyphenatedWords(lines);
  const indented = (line: PdfLine, b: Bounds) => line.x0 - b.left > INDENT_EM * line.size;

  const continuesAcross = (prev: PdfLine, line: PdfLine): boolean => {
    const a = boundsOf(prev);
    const b = boundsOf(line);
    if (!sameSize(prev.size, line.size) || SENTENCE_END.test(prev.text) || BULLET.test(line.text)) {
      return false;
    }
    if (a.lines < 2 || a.right - prev.x1 > 0.2 * a.width) return false;
    if (b.lines < 2) return true;
    return !indented(line, b) && Math.abs(a.width - b.width) <= 0.2 * a.width;
  };

  const startsBlock = (prev: PdfLine, line: PdfLine): boolean => {
    if (prev.page !== line.page || prev.region !== line.region) return !continuesAcross(prev, line);
    if (!sameSize(prev.size, line.size) || BULLET.test(line.text)) return true;
    const size = Math.max(prev.size, line.size);
    const drop = prev.y - line.y;
    if (drop <= 0 || drop - leading * size > PARAGRAPH_GAP_EM * size) return true;
    const b = boundsOf(line);
    if (indented(line, b) && !indented(prev, b) && !LIST_MARKER.test(prev.text)) return true;
    const shortfall = b.right - prev.x1;
    return SENTENCE_END.test(prev.text) && shortfall > Math.max(0.3 * b.width, 14 * prev.size);
  };

  const groups: PdfLine[][] = [];
  lines.forEach((line, i) => {
    if (i === 0 || startsBlock(lines[i - 1]!, line)) groups.push([line]);
    else groups.at(-1)!.push(line);
  });

  const isHeading = (group: PdfLine[], text: string) =>
    group.length <= MAX_HEADING_LINES &&
    text.length <= MAX_HEADING_CHARS &&
    /\p{L}/u.test(text) &&
    group.every((line) => line.size >= HEADING_SCALE * body);
  const drafts = groups.map((group) => {
    const text = joinLines(group, hyphenated);
    const heading = isHeading(group, text);
    const size = sizeKey(group.reduce((largest, line) => Math.max(largest, line.size), 0));
    return { text, page: group[0]!.page, heading, size };
  });
  const headingSizes = [...new Set(drafts.filter((d) => d.heading).map((d) => d.size))].sort(
    (a, b) => b - a,
  );
  return drafts.map(({ text, page, heading, size }) =>
    heading
      ? {
          kind: 'heading',
          level: Math.min(MAX_HEADING_LEVEL, headingSizes.indexOf(size) + 1),
          text,
          page,
        }
      : { kind: 'paragraph', level: 0, text, page },
  );
}
