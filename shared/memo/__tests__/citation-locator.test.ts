import { describe, expect, it } from 'vitest';
import type { ArticleBlock } from '../../domain/article';
import { citationLocator } from '../citation-locator';

/** Lays blocks out one after another, each `len` characters, separated by "\n\n". */
function layout(
  kinds: ReadonlyArray<ArticleBlock['kind']>,
  len = 10,
  page?: (i: number) => number,
) {
  return kinds.map((kind, i): ArticleBlock => {
    const range = { start: i * (len + 2), end: i * (len + 2) + len };
    const withPage = page ? { ...range, page: page(i) } : range;
    switch (kind) {
      case 'heading':
        return { kind, level: 2, ...withPage };
      case 'listItem':
        return { kind, ordered: false, depth: 0, ...withPage };
      case 'table':
        return { kind, rows: [{ cells: [{ ...range, header: false }] }], ...withPage };
      default:
        return { kind, ...withPage };
    }
  });
}

describe('citationLocator', () => {
  // ¶:       -      1      2        -       3         4       5          6
  const blocks = layout([
    'heading',
    'paragraph',
    'listItem',
    'heading',
    'quote',
    'table',
    'preformatted',
    'paragraph',
  ]);
  const at = (index: number, offset = 3) => blocks[index]!.start + offset;

  it('numbers the body blocks, headings left out', () => {
    expect(citationLocator(blocks, at(1))).toBe('¶1');
    expect(citationLocator(blocks, at(2))).toBe('¶2');
    expect(citationLocator(blocks, at(4))).toBe('¶3');
    expect(citationLocator(blocks, at(5))).toBe('¶4');
    expect(citationLocator(blocks, at(6))).toBe('¶5');
    expect(citationLocator(blocks, at(7))).toBe('¶6');
  });

  it('finds the block at its first and last character', () => {
    expect(citationLocator(blocks, blocks[2]!.start)).toBe('¶2');
    expect(citationLocator(blocks, blocks[2]!.end - 1)).toBe('¶2');
  });

  it('uses the first block for a start before it (leading blank lines)', () => {
    const shifted = blocks.map((b) => ({ ...b, start: b.start + 5, end: b.end + 5 }));
    expect(citationLocator(shifted, 0)).toBe('¶1');
    expect(citationLocator(shifted.slice(1), 0)).toBe('¶1');
  });

  it('gives a start inside a heading the number of the body block after it', () => {
    expect(citationLocator(blocks, at(0))).toBe('¶1');
    expect(citationLocator(blocks, at(3))).toBe('¶3');
  });

  it('uses the block before for a start between blocks', () => {
    expect(citationLocator(blocks, blocks[4]!.end + 1)).toBe('¶3');
  });

  it('gives the page when the blocks carry one', () => {
    const pdf = layout(['paragraph', 'heading', 'paragraph', 'paragraph'], 10, (i) =>
      i < 2 ? 1 : 3,
    );
    expect(citationLocator(pdf, 0)).toBe('p. 1');
    expect(citationLocator(pdf, pdf[2]!.start + 4)).toBe('p. 3');
    expect(citationLocator(pdf, pdf[3]!.end + 5)).toBe('p. 3');
  });

  it('points a heading at the end of the article at its last paragraph', () => {
    expect(citationLocator(layout(['paragraph', 'paragraph', 'heading']), 26)).toBe('¶2');
  });

  it('has nothing to say without blocks or body text', () => {
    expect(citationLocator([], 0)).toBeNull();
    expect(citationLocator(layout(['heading']), 2)).toBeNull();
  });

  it('agrees with a linear count on a long article', () => {
    const kinds = Array.from({ length: 5_000 }, (_, i) =>
      i % 7 === 0 ? 'heading' : i % 3 === 0 ? 'listItem' : 'paragraph',
    ) as Array<ArticleBlock['kind']>;
    const long = layout(kinds, 20);
    for (const index of [1, 2, 3, 1_000, 2_345, 4_998, 4_999]) {
      if (long[index]!.kind === 'heading') continue;
      const expected = long.slice(0, index + 1).filter((b) => b.kind !== 'heading').length;
      expect(citationLocator(long, long[index]!.start + 7)).toBe(`¶${expected}`);
    }
  });
});
