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
 *     memos/                       one file per memo (later)
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
}

export const STAGING_PREFIX = '.staging-';

export function libraryLayout(dataDir: string): LibraryLayout {
  const articlesDir = join(dataDir, 'articles');
  return {
    dataDir,
    libraryFile: join(dataDir, 'library.json'),
    lockFile: join(dataDir, 'margin.lock'),
    articlesDir,
    memosDir: join(dataDir, 'memos'),
    cacheDir: join(dataDir, 'cache'),
    indexCacheFile: join(dataDir, 'cache', 'library-index.bin'),
    articleDir: (id) => join(articlesDir, id),
    articleFile: (id) => join(articlesDir, id, 'article.json'),
    annotationsFile: (id) => join(articlesDir, id, 'annotations.json'),
    detailsFile: (id) => join(articlesDir, id, 'details.json'),
    stagingDir: (id) => join(articlesDir, `${STAGING_PREFIX}${id}`),
  };
}
