/**
 * The `limit` best of `count` candidates, best first, by a strict total order
 * (`before(a, b)`: a ranks above b). A bounded heap: a common word can match 100,000
 * documents, and sorting them all to show twenty is waste.
 */
export function topHits(
  candidates: Int32Array,
  count: number,
  limit: number,
  before: (a: number, b: number) => boolean,
): number[] {
  // Min-heap by rank: the root is the worst kept candidate.
  const heap: number[] = [];
  const worse = (i: number, j: number) => before(heap[j]!, heap[i]!);
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const siftDown = (from: number) => {
    for (let i = from; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let c = 0; c < count && limit > 0; c++) {
    const doc = candidates[c]!;
    if (heap.length < limit) {
      heap.push(doc);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (before(doc, heap[0]!)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
