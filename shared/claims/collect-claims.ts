import type { ClaimIndex } from './claim-index';
import type { ClaimSort } from './claim-query';
import type { ClaimFilterPlan } from './compile-claim-filter';
import type { ReusableBuffer } from './reusable-buffer';

/** Where the board's queries keep their working arrays between calls. */
export interface CollectBuffers {
  ordered: ReusableBuffer<Int32Array>;
  mark: ReusableBuffer<Uint8Array>;
}

/**
 * The slots of the matching claims, in the order of `sort`. The filter is tested in slot
 * order (memory order) into a byte mark, then the sort's flat order is walked once: no
 * query sorts, and none chases pointers per claim. The result lives in buffers, or is the
 * flat order itself when nothing is filtered: read it, never write it.
 */
export function collectClaims(
  index: ClaimIndex,
  plan: ClaimFilterPlan,
  sort: ClaimSort,
  buffers: CollectBuffers,
): Int32Array {
  const order = index.views.order(sort);
  const { articleOk, rowOk } = plan;
  if (articleOk === null && rowOk === null) return order;

  const { live, articleOf } = index.columns;
  const slots = index.columns.length;
  const mark = buffers.mark.take(slots);
  for (let slot = 0; slot < slots; slot++) {
    mark[slot] =
      live[slot] === 1 &&
      (articleOk === null || articleOk[articleOf[slot]!] === 1) &&
      (rowOk === null || rowOk(slot))
        ? 1
        : 0;
  }
  const out = buffers.ordered.take(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const slot = order[i]!;
    if (mark[slot] === 1) out[n++] = slot;
  }
  return out.subarray(0, n);
}
