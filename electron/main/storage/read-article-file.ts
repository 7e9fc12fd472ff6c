import { readFile } from 'node:fs/promises';
import type { Article } from '../../../shared/domain/article';
import { parseStoreFile } from './parse-store-file';
import { StoreFileError } from './store-file-spec';
import { articleFileSpec } from './store-files';

/** Reads and validates `article.json`; a missing file is reported like a damaged one. */
export async function readArticleFile(path: string): Promise<Article> {
  let bytes: Uint8Array;
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
