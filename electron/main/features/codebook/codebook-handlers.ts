import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';

type CodebookChannel = 'codebook:list' | 'codebook:ensure' | 'codebook:rename' | 'codebook:merge';

/** The analyst's tags: created by path, renamed in one place, merged across the library. */
export function createCodebookHandlers({
  library,
}: {
  library: Library;
}): Pick<ChannelHandlers, CodebookChannel> {
  return {
    'codebook:list': async () => [...library.codebook.list()],
    'codebook:ensure': ({ paths }) => library.codebook.ensure(paths),
    'codebook:rename': ({ id, name }) => library.codebook.rename(id, name),
    'codebook:merge': ({ fromId, intoId }) =>
      library.codebook.merge(fromId, intoId, async (pairs) => {
        const articleIds = library.articles.list().map((a) => a.id);
        let changed = 0;
        for (const [from, into] of pairs) {
          changed += await library.annotations.replaceTag(articleIds, from, into);
        }
        return changed;
      }),
  };
}
