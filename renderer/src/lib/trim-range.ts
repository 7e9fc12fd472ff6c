/**
 * Shrinks `start..end` of `text` to its first and last non-space characters: a drag or a
 * double click often takes a space or a line break along, and a claim should not.
 * Null when nothing but whitespace is left.
 */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return to > from ? { start: from, end: to } : null;
}
