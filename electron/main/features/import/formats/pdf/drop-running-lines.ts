import type { PdfLine } from './page-lines';

/** Only this many lines at the top and at the bottom of a page can be a header or footer. */
const EDGE_LINES = 2;
/** A header or footer repeats on at least this share of the pages with text … */
const MIN_PAGE_SHARE = 0.4;
/** … and on at least this many pages … */
const MIN_PAGES = 3;
/** … at the same height, give or take this many points. */
const Y_TOLERANCE = 3;

/** Page numbers change from page to page; the words around them do not. */
const runningKey = (line: PdfLine) =>
  line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Of lines that read alike but for their numbers, those whose numbers count the pages
 * ("Seite 7 von 50" on page 7, or "6" on page 7 when the cover is not numbered). Lines
 * whose numbers change some other way are text.
 */
function pageNumbered(lines: readonly PdfLine[], minPages: number): PdfLine[] {
  if (lines.every((line) => line.text === lines[0]!.text)) return [...lines];
  const byOffset = new Map<number, PdfLine[]>();
  for (const line of lines) {
    const offsets = new Set([...line.text.matchAll(/\d+/g)].map(([n]) => Number(n) - line.page));
    for (const offset of offsets) {
      const counted = byOffset.get(offset);
      if (counted) counted.push(line);
      else byOffset.set(offset, [line]);
    }
  }
  let best: PdfLine[] = [];
  for (const counted of byOffset.values()) if (counted.length > best.length) best = counted;
  return new Set(best.map((line) => line.page)).size >= minPages ? best : [];
}

/** The lines nearest to the top and bottom edges of a page. */
function edgeLines(lines: readonly PdfLine[]): PdfLine[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  if (byHeight.length <= 2 * EDGE_LINES) return byHeight;
  return [...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)];
}

/**
 * Removes running headers, footers and page numbers: lines at a page's top or bottom edge
 * that come back at the same height on many pages, word for word or with the page number
 * as the only change. Deliberately narrow: dropping a line of the article would be worse
 * than keeping a header.
 */
export function dropRunningLines(pages: readonly PdfLine[][]): PdfLine[][] {
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  const minPages = Math.max(MIN_PAGES, Math.ceil(MIN_PAGE_SHARE * pagesWithText));
  if (pagesWithText < minPages) return pages.map((lines) => [...lines]);

  const candidates = new Map<string, PdfLine[]>();
  for (const lines of pages) {
    for (const line of edgeLines(lines)) {
      const key = runningKey(line);
      const seen = candidates.get(key);
      if (seen) seen.push(line);
      else candidates.set(key, [line]);
    }
  }
  const running = new Set<PdfLine>();
  for (const lines of candidates.values()) {
    if (lines.length < minPages) continue;
    const heights = lines.map((line) => line.y).sort((a, b) => a - b);
    const typical = heights[heights.length >> 1]!;
    const repeated = lines.filter((line) => Math.abs(line.y - typical) <= Y_TOLERANCE);
    if (new Set(repeated.map((line) => line.page)).size < minPages) continue;
    for (const line of pageNumbered(repeated, minPages)) running.add(line);
  }
  return pages.map((lines) => lines.filter((line) => !running.has(line)));
}
