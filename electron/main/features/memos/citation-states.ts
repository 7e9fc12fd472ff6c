import type { CitationState } from '../../../../shared/domain/memo';
import type { LibraryIndex } from '../library-index/library-index';
import { indexedClaims } from './citation-snapshots';

/**
 * What each cited claim is now: `ok` with its current words, class and paraphrase (the
 * citation shows them when the analyst edited the highlight), `orphaned` when its words
 * left the article (still with its words), or `deleted`.
 */
export async function citationStates(
  index: LibraryIndex,
  highlightIds: readonly string[],
): Promise<CitationState[]> {
  const ids = [...new Set(highlightIds)];
  const claims = await indexedClaims(index, ids);
  return ids.map((highlightId) => {
    const row = claims.get(highlightId)?.row;
    if (!row) {
      return { highlightId, state: 'deleted', quote: null, claimClass: null, paraphrase: null };
    }
    return {
      highlightId,
      state: row.orphaned ? 'orphaned' : 'ok',
      quote: row.quote,
      claimClass: row.claimClass,
      paraphrase: row.paraphrase,
    };
  });
}
