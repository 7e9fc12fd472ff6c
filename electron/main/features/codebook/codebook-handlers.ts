import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import type { LibraryIndex } from '../library-index/library-index';

type CodebookChannel = 'codebook:list' | 'codebook:ensure' | 'codebook:rename' | 'codebook:merge';

/** The analyst's tags: created by path, renamed in one place, merged across the library. */
export function createCodebookHandlers({
  library,
  index,
}: {
  library: Library;
  index: LibraryIndex;
}): Pick<ChannelHandlers, CodebookChannel> {
  return {
    'codebook:list': async () => [...library.codebook.list()],
    'codebook:ensure': ({ paths }) => library.codebook.ensure(paths),
    'codebook:rename': async ({ id, name }) => {
      const codebook = await library.codebook.rename(id, name);
      await index.codebookChanged([id]);
      return codebook;
    },
    'codebook:merge': async ({ fromId, intoId }) => {
      const touched = new Set<string>();
      const merged = await library.codebook.merge(fromId, intoId, async (pairs) => {
        const articleIds = library.articles.list().map((a) => a.id);
        let changed = 0;
        for (const [from, into] of pairs) {
          for (const articleId of articleIds) {
            const n = await library.annotations.replaceTag([articleId], from, into);
            if (n > 0) touched.add(articleId);
            changed += n;
          }
        }
        return changed;
      });
      await Promise.all([...touched].map((id) => index.claimsChanged(id)));
      await index.codebookChanged([intoId]); // its moved children have new paths
      return merged;
    },
  };
}
