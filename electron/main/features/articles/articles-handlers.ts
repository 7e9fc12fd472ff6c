import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';

export interface ArticlesFeatureDeps {
  library: Library;
}

/** Reading the library and correcting an article's details. Adding articles is `import/`. */
export function createArticlesHandlers({
  library,
}: ArticlesFeatureDeps): Pick<
  ChannelHandlers,
  'articles:list' | 'articles:get' | 'articles:updateMetadata'
> {
  return {
    'articles:list': async () => [...library.articles.list()],
    'articles:get': async ({ id }) => library.articles.get(id),
    'articles:updateMetadata': (update) => library.articles.updateMetadata(update),
  };
}
