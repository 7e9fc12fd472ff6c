import { join } from 'node:path';

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
    articleDir: (id) => join(articlesDir, id),
    articleFile: (id) => join(articlesDir, id, 'article.json'),
    annotationsFile: (id) => join(articlesDir, id, 'annotations.json'),
    detailsFile: (id) => join(articlesDir, id, 'details.json'),
    stagingDir: (id) => join(articlesDir, `${STAGING_PREFIX}${id}`),
    memoDir: (id) => join(memosDir, id),
    memoFile: (id) => join(memosDir, id, 'memo.json'),
    revisionsFile: (id) => join(memosDir, id, 'revisions.json'),
    revisionsDir: (id) => join(memosDir, id, 'revisions'),
    revisionFile: (id, revisionId) => join(memosDir, id, 'revisions', `${revisionId}.json`),
  };
}
