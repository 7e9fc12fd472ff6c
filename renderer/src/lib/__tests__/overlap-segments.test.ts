import { describe, expect, it } from 'vitest';
import { overlapSegments } from '../overlap-segments';

describe('overlapSegments', () => {
  it('finds where two highlights overlap, and where one nests in another', () => {
    expect(
      overlapSegments([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 20, end: 40 },
        { start: 25, end: 30 },
      ]),
    ).toEqual([
      { start: 5, end: 10 },
      { start: 25, end: 30 },
    ]);
  });

  it('does not count highlights that only touch', () => {
    expect(
      overlapSegments([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([]);
  });

  it('keeps one segment through a triple overlap', () => {
    expect(
      overlapSegments([
        { start: 0, end: 10 },
        { start: 2, end: 8 },
        { start: 4, end: 12 },
      ]),
    ).toEqual([{ start: 2, end: 10 }]);
  });
});
