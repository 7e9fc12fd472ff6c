import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import type { LibraryIndex } from '../library-index/library-index';

export interface ArticlesFeatureDeps {
  library: Library;
  index: LibraryIndex;
}

/** Reading the library and correcting an article's details. Adding articles is `import/`. */
export function createArticlesHandlers({
  library,
  index,
}: ArticlesFeatureDeps): Pick<
  ChannelHandlers,
  'articles:list' | 'articles:get' | 'articles:updateMetadata'
> {
  return {
    'articles:list': async () => [...library.articles.list()],
    'articles:get': async ({ id }) => library.articles.get(id),
    'articles:updateMetadata': async (update) => {
      const updated = await library.articles.updateMetadata(update);
      await index.articleChanged(updated.id);
      return updated;
    },
  };
}
