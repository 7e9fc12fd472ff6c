import { join } from 'node:path';
import { joinInside } from '../security/confine-path';

/**
 * Where everything lives in the data folder (see docs/adr/0002-sharded-durable-store.md):
 *
 *     library.json                 schema version, settings, article index (metadata only)
 *     margin.lock                  who has the library open
 *     articles/<id>/article.json   the article: metadata, canonical text, blocks (written once)
 *     articles/<id>/annotations.json   its highlights (small, rewritten on each change)
 *     articles/<id>/details.json   the analyst's edits of its metadata (when there are any)
 *     articles/.staging-<id>/      an import being written; swept at startup
 *     memos/<id>/memo.json         a memo: header, body, conviction log (rewritten on each save)
 *     memos/<id>/revisions.json    the list of its revisions, without their text (rewritten
 *                                  when one is taken, after that revision's own file)
 *     memos/<id>/revisions/<revisionId>.json   one revision, a whole copy of the memo (written once)
 *     cache/library-index.bin      claims board and search index: derived, rebuilt when missing
 */
export interface LibraryLayout {
  readonly dataDir: string;
  readonly libraryFile: string;
  readonly lockFile: string;
  readonly articlesDir: string;
  readonly memosDir: string;
  readonly cacheDir: string;
  readonly indexCacheFile: string;
  articleDir(id: string): string;
  articleFile(id: string): string;
  annotationsFile(id: string): string;
  detailsFile(id: string): string;
  stagingDir(id: string): string;
  memoDir(id: string): string;
  memoFile(id: string): string;
  revisionsFile(id: string): string;
  revisionsDir(id: string): string;
  revisionFile(id: string, revisionId: string): string;
}

export const STAGING_PREFIX = '.staging-';

export function libraryLayout(dataDir: string): LibraryLayout {
  const articlesDir = join(dataDir, 'articles');
  const memosDir = join(dataDir, 'memos');
  return {
    dataDir,
    libraryFile: join(dataDir, 'library.json'),
    lockFile: join(dataDir, 'margin.lock'),
    articlesDir,
    memosDir,
    cacheDir: join(dataDir, 'cache'),
    indexCacheFile: join(dataDir, 'cache', 'library-index.bin'),
    // Ids come from the page and from store files: each is checked to be a plain name.
    articleDir: (id) => joinInside(articlesDir, id),
    articleFile: (id) => joinInside(articlesDir, id, 'article.json'),
    annotationsFile: (id) => joinInside(articlesDir, id, 'annotations.json'),
    detailsFile: (id) => joinInside(articlesDir, id, 'details.json'),
    stagingDir: (id) => joinInside(articlesDir, `${STAGING_PREFIX}${id}`),
    memoDir: (id) => joinInside(memosDir, id),
    memoFile: (id) => joinInside(memosDir, id, 'memo.json'),
    revisionsFile: (id) => joinInside(memosDir, id, 'revisions.json'),
    revisionsDir: (id) => joinInside(memosDir, id, 'revisions'),
    revisionFile: (id, revisionId) => joinInside(memosDir, id, 'revisions', `${revisionId}.json`),
  };
}
