import { describe, expect, it } from 'vitest';
import type { ClaimGroup } from '../../../../shared/claims/claim-page';
import { boardItem, lineOfRow } from '../board-items';

const group = (key: string, start: number, count: number): ClaimGroup => ({
  key,
  label: key,
  start,
  count,
});

/** The list's lines written out by hand: a heading before each group's rows. */
function lines(groups: readonly ClaimGroup[]): string[] {
  return groups.flatMap((g) => [
    `group ${g.key}`,
    ...Array.from({ length: g.count }, (_, i) => `row ${g.start + i}`),
  ]);
}

const describeItem = (groups: readonly ClaimGroup[], line: number) => {
  const item = boardItem(groups, line);
  return item.kind === 'group' ? `group ${item.group.key}` : `row ${item.index}`;
};

describe('the board list: group headings between rows', () => {
  it('maps every line to its heading or row, and every row back to its line', () => {
    const groups = [group('thesis', 0, 3), group('risk', 3, 1), group('evidence', 4, 2)];
    const expected = lines(groups);
    expect(expected.map((_, line) => describeItem(groups, line))).toEqual(expected);
    for (let row = 0; row < 6; row++) {
      expect(describeItem(groups, lineOfRow(groups, row))).toBe(`row ${row}`);
    }
  });

  it('without grouping, lines are rows', () => {
    expect(boardItem([], 7)).toEqual({ kind: 'row', index: 7 });
    expect(lineOfRow([], 7)).toBe(7);
  });

  it('handles a claim listed in two ticker groups (rows counted per group)', () => {
    const groups = [group('AAPL', 0, 2), group('MSFT', 2, 2), group('', 4, 1)];
    const expected = lines(groups);
    expect(expected.map((_, line) => describeItem(groups, line))).toEqual(expected);
  });
});
