import type { LibraryIndex } from './library-index';

/** How many claims (highlights) the index holds now; a build under way may not have them all. */
export async function countClaims(index: LibraryIndex): Promise<number> {
  const { claimCount } = await index.queryClaims({
    filter: {},
    sort: 'created-desc',
    groupBy: 'none',
    offset: 0,
    limit: 1,
  });
  return claimCount;
}
