import { trimRange } from '../../lib/trim-range';
import type { TextIndex } from '../../lib/text-index';

export type Span = { start: number; end: number };

/** The page's selection as a range, when it lies (at least partly) in `root`. */
export function selectionRangeIn(root: HTMLElement): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return root.contains(range.commonAncestorContainer) ||
    root.contains(range.startContainer) ||
    root.contains(range.endContainer)
    ? range
    : null;
}

/**
 * The selected words as a span of the canonical text, trimmed of surrounding spaces, or
 * null when nothing in the article is selected.
 */
export function selectedSpan(root: HTMLElement, index: TextIndex, text: string): Span | null {
  const range = selectionRangeIn(root);
  if (!range || range.collapsed) return null;
  const span = index.offsetsOf(range);
  return span && trimRange(text, span.start, span.end);
}

/** The canonical offset under a pointer, or null outside the article's text. */
export function offsetAtPoint(index: TextIndex, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return index.offsetOf(position.offsetNode, position.offset, 'start');
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? index.offsetOf(range.startContainer, range.startOffset, 'start') : null;
}
