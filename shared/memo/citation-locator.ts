import type { ArticleBlock } from '../domain/article';

/**
 * For each block, its paragraph number: body blocks count 1, 2, 3…; a heading gets the
 * number of the body block after it (0 when none follows). Cached per blocks array, since
 * an article's blocks never change and one article often locates many highlights.
 */
const numbersCache = new WeakMap<readonly ArticleBlock[], Int32Array>();

function paragraphNumbers(blocks: readonly ArticleBlock[]): Int32Array {
  let numbers = numbersCache.get(blocks);
  if (numbers) return numbers;
  numbers = new Int32Array(blocks.length);
  let body = 0;
  for (const [i, block] of blocks.entries()) {
    if (block.kind !== 'heading') numbers[i] = ++body;
  }
  let next = 0;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (blocks[i]!.kind === 'heading') numbers[i] = next;
    else next = numbers[i]!;
  }
  numbersCache.set(blocks, numbers);
  return numbers;
}

/** The last block starting at or before `offset`, or the first block when none does. */
function blockIndexAt(blocks: readonly ArticleBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Where in the article a highlight starting at canonical-text offset `start` is: "p. 3"
 * when the block holding it (or, between blocks, the one before) carries a PDF page, else
 * "¶4", counting the article's body blocks (paragraphs, list items, quotes, preformatted
 * text, tables). A start in a heading gets the number of the body block that follows it.
 * Null for an article without blocks, or one with headings only.
 */
export function citationLocator(blocks: readonly ArticleBlock[], start: number): string | null {
  if (blocks.length === 0) return null;
  const index = blockIndexAt(blocks, start);
  const block = blocks[index]!;
  if (block.page !== undefined) return `p. ${block.page}`;
  const numbers = paragraphNumbers(blocks);
  // A heading at the very end: point at the last body block rather than past it.
  const number = numbers[index] || numbers.findLast((n) => n > 0) || 0;
  return number > 0 ? `¶${number}` : null;
}
