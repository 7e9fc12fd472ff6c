import type { TextRange } from '../domain/article';

/** Where a highlight sits in the canonical text. */
export interface HighlightSpan {
  highlightId: string;
  start: number;
  end: number;
}

/** How the full text marks the claims inside one part (a block, or a table cell). */
export interface PartMarks {
  /** The claimed words in bold: the union of the claims, without whitespace at the edges. */
  bold: TextRange[];
  /**
   * Footnote references by offset: at the end of a bold run, every claim whose last words
   * in the full text end inside that run (a claim that continues into a later block gets
   * its reference there instead), ordered by where the claims start.
   */
  references: Map<number, string[]>;
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

function trimmed(text: string, start: number, end: number): TextRange | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/** The first part that ends after `offset` (parts are ordered and do not overlap). */
function firstPartAfter(parts: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (parts[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Overlapping or touching ranges as one: two bold runs side by side would read as one anyway. */
function union(ranges: TextRange[]): TextRange[] {
  const runs: TextRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = runs.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else runs.push({ ...range });
  }
  return runs;
}

/**
 * The bold runs and footnote references of each part of the full text. A highlight is cut
 * at part boundaries: the text between blocks (and between table cells) is not shown.
 */
export function highlightMarks(
  text: string,
  parts: readonly TextRange[],
  highlights: readonly HighlightSpan[],
): PartMarks[] {
  // One anchor per highlight: the first given.
  const first = new Map<string, HighlightSpan>();
  for (const h of highlights) if (!first.has(h.highlightId)) first.set(h.highlightId, h);
  const ordered = [...first.values()].sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      (a.highlightId < b.highlightId ? -1 : a.highlightId > b.highlightId ? 1 : 0),
  );
  const pieces: TextRange[][] = parts.map(() => []);
  const lastPiece = new Map<string, { part: number; end: number }>();
  for (const highlight of ordered) {
    for (let i = firstPartAfter(parts, highlight.start); i < parts.length; i++) {
      const part = parts[i]!;
      if (part.start >= highlight.end) break;
      const piece = trimmed(
        text,
        Math.max(highlight.start, part.start),
        Math.min(highlight.end, part.end),
      );
      if (!piece) continue;
      pieces[i]!.push(piece);
      lastPiece.set(highlight.highlightId, { part: i, end: piece.end });
    }
  }
  const marks: PartMarks[] = pieces.map((partPieces) => ({
    bold: union(partPieces),
    references: new Map(),
  }));
  for (const [highlightId, { part, end }] of lastPiece) {
    const { bold, references } = marks[part]!;
    const run = bold.find((r) => r.start < end && end <= r.end)!;
    references.set(run.end, [...(references.get(run.end) ?? []), highlightId]);
  }
  return marks;
}
