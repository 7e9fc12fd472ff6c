import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../../shared/domain/article';
import { hardenRename, writeFileDurably } from './durable-write';
import type { LibraryLayout } from './library-layout';
import { serializeStoreFile } from './parse-store-file';
import { annotationsFileSpec, articleFileSpec, emptyAnnotationsFile } from './store-files';

/**
 * Writes an article's folder all-or-nothing: both files go into a staging folder, which
 * is renamed into place only when complete. A crash leaves either no folder or a staging
 * folder that the next start sweeps away; never a half-written article.
 */
export async function writeArticleFolder(layout: LibraryLayout, article: Article): Promise<void> {
  const staging = layout.stagingDir(article.id);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    await writeFileDurably(
      join(staging, 'article.json'),
      serializeStoreFile(articleFileSpec, { schemaVersion: 3, article }),
    );
    await writeFileDurably(
      join(staging, 'annotations.json'),
      serializeStoreFile(annotationsFileSpec, emptyAnnotationsFile(article.id)),
    );
    await rename(staging, layout.articleDir(article.id));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await hardenRename(layout.articlesDir);
}
