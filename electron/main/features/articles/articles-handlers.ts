import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import { buildArticle } from './build-article';

export interface ArticlesFeatureDeps {
  library: Library;
  now: () => Date;
}

export function createArticlesHandlers({
  library,
  now,
}: ArticlesFeatureDeps): Pick<
  ChannelHandlers,
  'articles:list' | 'articles:get' | 'articles:create'
> {
  return {
    'articles:list': async () => [...library.articles.list()],
    'articles:get': async ({ id }) => library.articles.get(id),
    'articles:create': async (input) =>
      library.articles.insert(await buildArticle({ ...input, origin: { kind: 'paste' } }, now())),
  };
}
