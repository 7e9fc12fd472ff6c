import type { ClaimGroup } from '../../../shared/claims/claim-page';

/** One line of the board's list: a group's heading, or a row of the grouped result. */
export type BoardItem = { kind: 'group'; group: ClaimGroup } | { kind: 'row'; index: number };

/**
 * Maps the list's lines to groups and rows: group `g` is preceded by `g` headings, so line
 * `n` is either a heading or row `n - headingsBefore`. Binary search: the board may hold
 * 100,000 rows and thousands of groups.
 */
export function boardItem(groups: readonly ClaimGroup[], line: number): BoardItem {
  if (groups.length === 0) return { kind: 'row', index: line };
  let lo = 0;
  let hi = groups.length - 1;
  // The last group whose heading line (start + its index) is at or before `line`.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (groups[mid]!.start + mid <= line) lo = mid;
    else hi = mid - 1;
  }
  const group = groups[lo]!;
  const headingLine = group.start + lo;
  return line === headingLine ? { kind: 'group', group } : { kind: 'row', index: line - lo - 1 };
}

/** The list line showing row `index`. */
export function lineOfRow(groups: readonly ClaimGroup[], index: number): number {
  if (groups.length === 0) return index;
  let lo = 0;
  let hi = groups.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (groups[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  return index + lo + 1;
}
