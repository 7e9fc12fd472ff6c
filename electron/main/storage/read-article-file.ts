import { readFile } from 'node:fs/promises';
import type { Article } from '../../../shared/domain/article';
import { assertRealPathInside } from '../security/confine-path';
import { parseStoreFile } from './parse-store-file';
import { StoreFileError } from './store-file-spec';
import { articleFileSpec } from './store-files';

/**
 * Reads and validates `article.json`; a missing file is reported like a damaged one. With
 * `dataDir`, a file reached through a link out of the data folder is refused (FORBIDDEN).
 */
export async function readArticleFile(path: string, dataDir?: string): Promise<Article> {
  let bytes: Uint8Array;
  if (dataDir) await assertRealPathInside(dataDir, path);
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StoreFileError('corrupt', 'the file is missing', undefined, true);
    }
    throw error;
  }
  return parseStoreFile(articleFileSpec, bytes).article;
}
