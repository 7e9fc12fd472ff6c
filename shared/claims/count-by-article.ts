import type { ClaimIndex } from './claim-index';
import type { ReusableBuffer } from './reusable-buffer';

/**
 * Matching claims per article and class: `counts[article * 3 + class]`. The overview and
 * the ticker groups sum these over 10,000 articles instead of visiting 100,000 claims.
 */
export function countByArticle(
  index: ClaimIndex,
  ordered: Int32Array,
  buffers: ReusableBuffer<Int32Array>,
): Int32Array {
  const counts = buffers.take(index.articles.length * 3).fill(0);
  const { articleOf, classOf } = index.columns;
  for (let i = 0; i < ordered.length; i++) {
    const slot = ordered[i]!;
    counts[articleOf[slot]! * 3 + classOf[slot]!]!++;
  }
  return counts;
}
