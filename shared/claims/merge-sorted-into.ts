/**
 * Merges the sorted `items` into the sorted `target`, in place, `target`'s items first
 * among equals: O(target + items) moves and no new array, filling from the back.
 */
export function mergeSortedInto<T>(
  target: T[],
  items: readonly T[],
  compare: (a: T, b: T) => number,
): void {
  let i = target.length - 1;
  let j = items.length - 1;
  // Pushing (not growing `length`) keeps the array packed, which V8 iterates faster.
  for (const item of items) target.push(item);
  for (let k = target.length - 1; j >= 0; k--) {
    target[k] = i >= 0 && compare(target[i]!, items[j]!) > 0 ? target[i--]! : items[j--]!;
  }
}
