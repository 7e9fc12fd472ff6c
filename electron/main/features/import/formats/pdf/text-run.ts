/**
 * Text that sits together on one baseline: one or more pdf.js items. Coordinates are in the
 * page's reading frame (x grows along the line, y grows up the page), in PDF points.
 */
export interface TextRun {
  text: string;
  x0: number;
  x1: number;
  /** Baseline of the run's main item. */
  y: number;
  /** Font size of the run's main item. */
  size: number;
  /** Characters in the run's main item: which item is "main". */
  weight: number;
}

/** Space between pieces of a line narrower than this (in ems) is kerning, not a word gap. */
const WORD_GAP_EM = 0.15;

/** Space, tab, line breaks, no-break space: the spaces pdf.js puts into items. */
const isSpace = (code: number) => code === 0x20 || code === 0xa0 || (code >= 0x09 && code <= 0x0d);

/** Concatenates two pieces of one line, with a space where the gap between them shows one. */
export function joinRunText(left: string, right: string, gap: number, size: number): string {
  if (gap <= WORD_GAP_EM * size || left === '' || right === '') return left + right;
  return isSpace(left.charCodeAt(left.length - 1)) || isSpace(right.charCodeAt(0))
    ? left + right
    : `${left} ${right}`;
}
