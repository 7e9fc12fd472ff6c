import type { LibraryCounts } from '../../../../shared/domain/export';
import type { Library } from '../../storage/open-library';
import { countClaims } from '../library-index/count-claims';
import type { LibraryIndex } from '../library-index/library-index';

/** What the open library holds, as a restore's question names it. */
export async function libraryCounts(library: Library, index: LibraryIndex): Promise<LibraryCounts> {
  // A build under way has not counted every claim yet.
  await index.whenBuilt();
  const claimCount = await countClaims(index);
  const memos = library.memos.list();
  let revisions = 0;
  for (const memo of memos) revisions += (await library.memos.revisions(memo.id)).length;
  return {
    articles: library.articles.list().length,
    highlights: claimCount,
    memos: memos.length,
    revisions,
  };
}
