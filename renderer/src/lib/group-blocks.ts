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

/**
 * Builds the nested list. Source depths may jump (`<ul><ul>` in CMS markup), so an item
 * nests one level under the previous item only when its source depth is greater, and
 * siblings with the same source depth stay siblings.
 */
function nestList(items: readonly ListItemBlock[]): ListNode {
  const root: ListNode = { ordered: items[0]!.ordered, items: [] };
  const stack: Array<{ node: ListNode; depth: number }> = [{ node: root, depth: -Infinity }];
  for (const item of items) {
    while (stack.length > 1 && stack.at(-1)!.depth > item.depth) stack.pop();
    const top = stack.at(-1)!;
    if (top.depth === -Infinity) {
      top.depth = item.depth;
      top.node.items.push({ block: item, children: [] });
    } else if (item.depth > top.depth) {
      const nested: ListNode = { ordered: item.ordered, items: [{ block: item, children: [] }] };
      top.node.items.at(-1)!.children.push(nested);
      stack.push({ node: nested, depth: item.depth });
    } else {
      top.node.items.push({ block: item, children: [] });
    }
  }
  return root;
}
