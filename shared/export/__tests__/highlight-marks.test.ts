import { describe, expect, it } from 'vitest';
import { highlightMarks } from '../highlight-marks';

const span = (highlightId: string, start: number, end: number) => ({ highlightId, start, end });

describe('highlightMarks', () => {
  //            0123456789012345678901234
  const text = 'Alpha beta. Gamma delta.\nNext part here.';
  const parts = [
    { start: 0, end: 24 },
    { start: 25, end: 40 },
  ];

  it('merges overlapping and touching claims into one bold run', () => {
    const [first] = highlightMarks(text, parts, [
      span('a', 0, 5),
      span('b', 3, 10),
      span('c', 10, 11),
    ]);
    expect(first!.bold).toEqual([{ start: 0, end: 11 }]);
    expect([...first!.references]).toEqual([[11, ['a', 'b', 'c']]]);
  });

  it('trims whitespace from the edges of a run', () => {
    const [first] = highlightMarks(text, parts, [span('a', 11, 18)]);
    expect(first!.bold).toEqual([{ start: 12, end: 17 }]);
    expect([...first!.references]).toEqual([[17, ['a']]]);
  });

  it('cuts a claim at part boundaries and references it in the last part it shows in', () => {
    const marks = highlightMarks(text, parts, [span('x', 18, 29), span('y', 0, 5)]);
    expect(marks.map((m) => m.bold)).toEqual([
      [
        { start: 0, end: 5 },
        { start: 18, end: 24 },
      ],
      [{ start: 25, end: 29 }],
    ]);
    expect(marks.map((m) => [...m.references])).toEqual([[[5, ['y']]], [[29, ['x']]]]);
  });

  it('references a claim ending in a gap between parts at the end of its last part', () => {
    const marks = highlightMarks(text, parts, [span('x', 18, 25)]);
    expect(marks.map((m) => [...m.references])).toEqual([[[24, ['x']]], []]);
  });

  it('orders references by where their claims start, and marks a highlight once', () => {
    const [first] = highlightMarks(text, parts, [
      span('late', 6, 11),
      span('early', 0, 11),
      span('early', 0, 3),
    ]);
    expect([...first!.references]).toEqual([[11, ['early', 'late']]]);
  });

  it('marks nothing for blank or unseen text', () => {
    const marks = highlightMarks(text, parts, [span('blank', 24, 25), span('space', 5, 6)]);
    expect(marks).toEqual([
      { bold: [], references: new Map() },
      { bold: [], references: new Map() },
    ]);
  });
});
