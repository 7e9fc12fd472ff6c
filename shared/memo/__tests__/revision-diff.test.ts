import { describe, expect, it } from 'vitest';
import { collapseUnchanged, diffRevisionText, type DiffSegment } from '../revision-diff';

/** The two texts the segments stand for. */
const rebuild = (segments: readonly DiffSegment[]) => ({
  before: segments
    .filter((s) => s.kind !== 'added')
    .map((s) => s.text)
    .join(''),
  after: segments
    .filter((s) => s.kind !== 'removed')
    .map((s) => s.text)
    .join(''),
});

describe('diffRevisionText', () => {
  it('marks the words that changed and counts them', () => {
    const diff = diffRevisionText('Revenue rose 5 % in Q3.', 'Revenue fell 5 % in Q3.');
    expect(diff.segments).toEqual([
      { kind: 'same', text: 'Revenue ' },
      { kind: 'removed', text: 'rose' },
      { kind: 'added', text: 'fell' },
      { kind: 'same', text: ' 5 % in Q3.' },
    ]);
    expect([diff.added, diff.removed]).toEqual([1, 1]);
  });

  it('counts words, not characters or tokens', () => {
    const diff = diffRevisionText(
      'We rate the stock Hold.',
      'We rate the stock Buy, with a target of 520 USD.',
    );
    expect(diff.removed).toBe(1);
    expect(diff.added).toBe(7);
  });

  it('keeps whitespace and line breaks, so both texts can be rebuilt', () => {
    const before = 'Thesis\nMargins expand.\n\n“Umsatz stieg”  by 5 %';
    const after = 'Thesis\nMargins expand further.\n“Umsatz stieg” by 5 %\nRisks';
    const diff = diffRevisionText(before, after);
    expect(rebuild(diff.segments)).toEqual({ before, after });
  });

  it('never puts two runs of the same kind side by side', () => {
    const before = Array.from({ length: 200 }, (_, i) => `word${i % 17}`).join(' ');
    const after = Array.from({ length: 200 }, (_, i) => `word${(i * 7) % 13}`).join(' ');
    const { segments } = diffRevisionText(before, after);
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i]!.kind).not.toBe(segments[i - 1]!.kind);
    }
    expect(segments.every((s) => s.text.length > 0)).toBe(true);
    expect(rebuild(segments)).toEqual({ before, after });
  });

  it('handles unchanged and empty texts', () => {
    expect(diffRevisionText('Same text.', 'Same text.')).toEqual({
      segments: [{ kind: 'same', text: 'Same text.' }],
      added: 0,
      removed: 0,
    });
    expect(diffRevisionText('', 'New memo')).toEqual({
      segments: [{ kind: 'added', text: 'New memo' }],
      added: 2,
      removed: 0,
    });
    expect(diffRevisionText('', '')).toEqual({ segments: [], added: 0, removed: 0 });
  });

  it('gives up on a slow diff and shows the whole text replaced', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join(' ');
    const diff = diffRevisionText(before, after, { timeoutMs: 1 });
    expect(diff.segments).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
    expect([diff.added, diff.removed]).toEqual([20_000, 20_000]);
  });

  it('diffs a 20-page memo with scattered edits quickly', () => {
    const paragraphs = Array.from(
      { length: 200 },
      (_, i) => `Paragraph ${i}: the company raised its guidance for the third time this year.`,
    );
    const edited = paragraphs.map((p, i) => (i % 25 === 0 ? p.replace('raised', 'cut') : p));
    const start = performance.now();
    const diff = diffRevisionText(paragraphs.join('\n'), edited.join('\n'));
    expect(performance.now() - start).toBeLessThan(500);
    expect([diff.added, diff.removed]).toEqual([8, 8]);
  });
});

describe('collapseUnchanged', () => {
  const long = (words: number, prefix = 'w') =>
    Array.from({ length: words }, (_, i) => `${prefix}${i}`).join(' ');

  it('keeps the context around a change and hides the middle of long unchanged runs', () => {
    const middle = ` ${long(60)} `;
    const segments: DiffSegment[] = [
      { kind: 'added', text: 'New' },
      { kind: 'same', text: middle },
      { kind: 'removed', text: 'Old' },
    ];
    const collapsed = collapseUnchanged(segments, 30);
    expect(collapsed.map((s) => s.kind)).toEqual(['added', 'same', 'gap', 'same', 'removed']);
    const [, head, gap, tail] = collapsed;
    expect(head!.text.length).toBeLessThanOrEqual(30);
    expect(tail!.text.length).toBeLessThanOrEqual(30);
    expect(head!.text + 'x'.repeat((gap as { hidden: number }).hidden) + tail!.text).toHaveLength(
      middle.length,
    );
    expect(middle.startsWith(head!.text) && middle.endsWith(tail!.text)).toBe(true);
    // Cut between words, not inside one.
    expect(head!.text).toMatch(/^ w0 .*w\d+$/);
    expect(tail!.text).toMatch(/^w\d+ .* $/);
    expect(gap).toEqual({ kind: 'gap', text: '…', hidden: expect.any(Number) });
  });

  it('keeps only the tail before the first change and the head after the last', () => {
    const before = long(50, 'a');
    const after = long(50, 'b');
    const collapsed = collapseUnchanged([
      { kind: 'same', text: before },
      { kind: 'added', text: ' X ' },
      { kind: 'same', text: after },
    ]);
    expect(collapsed.map((s) => s.kind)).toEqual(['gap', 'same', 'added', 'same', 'gap']);
    expect(before.endsWith(collapsed[1]!.text)).toBe(true);
    expect(after.startsWith(collapsed[3]!.text)).toBe(true);
  });

  it('stops the context at a line break', () => {
    const collapsed = collapseUnchanged([
      { kind: 'removed', text: 'Hold' },
      { kind: 'same', text: ' rating.\n' + long(40) + '\nLast words ' },
      { kind: 'added', text: 'here' },
    ]);
    expect(collapsed[1]).toEqual({ kind: 'same', text: ' rating.' });
    expect(collapsed[3]).toEqual({ kind: 'same', text: 'Last words ' });
  });

  it('leaves short runs whole and turns an unchanged memo into one gap', () => {
    const short: DiffSegment[] = [
      { kind: 'same', text: 'Revenue ' },
      { kind: 'removed', text: 'rose' },
      { kind: 'added', text: 'fell' },
      { kind: 'same', text: ' 5 % in Q3.' },
    ];
    expect(collapseUnchanged(short)).toEqual(short);
    const text = long(100);
    expect(collapseUnchanged([{ kind: 'same', text }])).toEqual([
      { kind: 'gap', text: '…', hidden: text.length },
    ]);
  });

  it('never cuts an emoji in half', () => {
    const text = `${'📈'.repeat(40)}`;
    const collapsed = collapseUnchanged(
      [
        { kind: 'added', text: 'a' },
        { kind: 'same', text },
        { kind: 'added', text: 'b' },
      ],
      5,
    );
    for (const s of collapsed) expect(s.text.isWellFormed()).toBe(true);
  });
});
