import type { ArticleBlock } from '../../../shared/domain/article';

type ListItemBlock = Extract<ArticleBlock, { kind: 'listItem' }>;
type QuoteBlock = Extract<ArticleBlock, { kind: 'quote' }>;

/** A list as the reader renders it: items, each possibly holding a nested list. */
export interface ListNode {
  ordered: boolean;
  items: Array<{ block: ListItemBlock; children: ListNode[] }>;
}

export type BlockGroup =
  | { kind: 'single'; block: Exclude<ArticleBlock, ListItemBlock | QuoteBlock> }
  | { kind: 'list'; list: ListNode; key: number }
  | { kind: 'quote'; blocks: QuoteBlock[]; key: number };

/**
 * The block model is flat (each block a range of the text); HTML nests lists and quotes.
 * Consecutive list items become one list, deeper items a list inside the item before;
 * consecutive quote paragraphs become one block quote.
 */
export function groupBlocks(blocks: readonly ArticleBlock[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  let index = 0;
  while (index < blocks.length) {
    const block = blocks[index]!;
    if (block.kind === 'listItem') {
      const items: ListItemBlock[] = [];
      while (blocks[index]?.kind === 'listItem') items.push(blocks[index++] as ListItemBlock);
      groups.push({ kind: 'list', list: nestList(items), key: block.start });
    } else if (block.kind === 'quote') {
      const quotes: QuoteBlock[] = [];
      while (blocks[index]?.kind === 'quote') quotes.push(blocks[index++] as QuoteBlock);
      groups.push({ kind: 'quote', blocks: quotes, key: block.start });
    } else {
      groups.push({ kind: 'single', block });
      index++;
    }
  }
  return groups;
}

function nestList(items: readonly ListItemBlock[]): ListNode {
  const baseDepth = Math.min(...items.map((i) => i.depth));
  const root: ListNode = { ordered: items[0]!.ordered, items: [] };
  // The open list at each depth relative to the first item's.
  const stack: ListNode[] = [root];
  for (const item of items) {
    // At most one level deeper than the list so far: a nested list needs an item to sit in.
    const deepest = stack.length - (stack.at(-1)!.items.length > 0 ? 0 : 1);
    const depth = Math.min(Math.max(0, item.depth - baseDepth), deepest);
    while (stack.length > depth + 1) stack.pop();
    if (stack.length < depth + 1) {
      const nested: ListNode = { ordered: item.ordered, items: [] };
      stack.at(-1)!.items.at(-1)!.children.push(nested);
      stack.push(nested);
    }
    stack.at(-1)!.items.push({ block: item, children: [] });
  }
  return root;
}
