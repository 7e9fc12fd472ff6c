import { describe, expect, it } from 'vitest';
import type { ArticleBlock } from '../../../../shared/domain/article';
import { groupBlocks } from '../group-blocks';
import { textRuns } from '../text-runs';

let at = 0;
const block = (kind: 'paragraph' | 'quote', extra = {}): ArticleBlock => {
  at += 10;
  return { kind, start: at, end: at + 5, ...extra } as ArticleBlock;
};
const item = (depth: number, ordered = false): ArticleBlock => {
  at += 10;
  return { kind: 'listItem', ordered, depth, start: at, end: at + 5 };
};

describe('groupBlocks', () => {
  it('nests list items by depth and groups consecutive quotes', () => {
    const groups = groupBlocks([
      block('paragraph'),
      item(0),
      item(1, true),
      item(1, true),
      item(0),
      block('quote'),
      block('quote'),
      block('paragraph'),
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['single', 'list', 'quote', 'single']);
    const list = groups[1]!;
    if (list.kind !== 'list') throw new Error('expected a list');
    expect(list.list.ordered).toBe(false);
    expect(list.list.items).toHaveLength(2);
    expect(list.list.items[0]!.children[0]!.ordered).toBe(true);
    expect(list.list.items[0]!.children[0]!.items).toHaveLength(2);
    const quote = groups[2]!;
    expect(quote.kind === 'quote' && quote.blocks.length).toBe(2);
  });

  it('keeps every item exactly once when a list starts deeper than it continues', () => {
    const groups = groupBlocks([item(2), item(0)]);
    const list = groups[0]!;
    if (list.kind !== 'list') throw new Error('expected a list');
    expect(list.list.items.map((i) => i.block.start)).toEqual([at - 10, at]);
  });
});

describe('groupBlocks with depth jumps', () => {
  it('keeps siblings that skip a level as siblings, not a staircase', () => {
    // <ul><li>Zweitens:<ul><ul><li>A</li><li>B</li><li>C</li></ul></ul></li></ul>
    const [group] = groupBlocks([item(0), item(2), item(2), item(2), item(0)]);
    if (group?.kind !== 'list') throw new Error('expected a list');
    const [first, last] = group.list.items;
    expect(group.list.items).toHaveLength(2);
    expect(first!.children).toHaveLength(1);
    expect(first!.children[0]!.items).toHaveLength(3);
    expect(first!.children[0]!.items.every((i) => i.children.length === 0)).toBe(true);
    expect(last!.children).toHaveLength(0);
  });
});

describe('textRuns', () => {
  it('splits a range at the links inside it', () => {
    const links = [
      { start: 2, end: 5, href: 'https://a.example' },
      { start: 8, end: 12, href: 'https://b.example' },
      { start: 40, end: 45, href: 'https://c.example' },
    ];
    expect(textRuns(0, 10, links)).toEqual([
      { start: 0, end: 2, href: null },
      { start: 2, end: 5, href: 'https://a.example' },
      { start: 5, end: 8, href: null },
      { start: 8, end: 10, href: 'https://b.example' },
    ]);
    expect(textRuns(20, 30, links)).toEqual([{ start: 20, end: 30, href: null }]);
  });
});
