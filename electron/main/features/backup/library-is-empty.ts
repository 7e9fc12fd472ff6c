import { DEFAULT_RECOMMENDATION_SCALE } from '../../../../shared/memo/logged-fields';
import type { LibraryCounts } from '../../../../shared/domain/export';
import type { Library } from '../../storage/open-library';

/**
 * Whether the library holds nothing of the analyst's: no articles or memos, no tags, no
 * watchlist and the default recommendation scale. Only then does a restore replace it
 * without asking and without saving it first.
 */
export function libraryIsEmpty(library: Library, counts: LibraryCounts): boolean {
  const scale = library.settings.recommendationScale();
  return (
    counts.articles === 0 &&
    counts.memos === 0 &&
    library.codebook.list().length === 0 &&
    library.settings.watchlist().length === 0 &&
    scale.length === DEFAULT_RECOMMENDATION_SCALE.length &&
    scale.every((rating, i) => rating === DEFAULT_RECOMMENDATION_SCALE[i])
  );
}
