/**
 * The parts of the text covered by two or more of the ranges: painted darker, so that
 * overlapping and nested highlights stay visibly distinct.
 */
export function overlapSegments(
  ranges: ReadonlyArray<{ start: number; end: number }>,
): Array<{ start: number; end: number }> {
  const events: Array<[offset: number, delta: number]> = [];
  for (const r of ranges) events.push([r.start, 1], [r.end, -1]);
  // At one offset, ends come before starts: touching ranges do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const segments: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let openedAt = 0;
  for (const [offset, delta] of events) {
    const before = depth;
    depth += delta;
    if (before < 2 && depth >= 2) openedAt = offset;
    if (before >= 2 && depth < 2 && offset > openedAt)
      segments.push({ start: openedAt, end: offset });
  }
  return segments;
}
