import type { ArticleBlock } from '../../../../shared/domain/article';

/** The PDF page of the block holding `offset`, or null for text without pages. */
export function pageAt(blocks: readonly ArticleBlock[], offset: number): number | null {
  let low = 0;
  let high = blocks.length - 1;
  let found: ArticleBlock | undefined;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (blocks[mid]!.start <= offset) {
      found = blocks[mid];
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found?.page ?? null;
}
