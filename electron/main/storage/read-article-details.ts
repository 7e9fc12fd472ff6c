import { readFile } from 'node:fs/promises';
import type { ArticleMetadataUpdate } from '../../../shared/domain/article';
import { parseStoreFile } from './parse-store-file';
import { articleDetailsFileSpec } from './store-files';

/** The analyst's edited details of an article, or null when there are none. */
export async function readArticleDetails(
  path: string,
): Promise<(Omit<ArticleMetadataUpdate, 'id'> & { tickersByAnalyst: boolean }) | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const file = parseStoreFile(articleDetailsFileSpec, bytes);
  return { ...file.details, tickersByAnalyst: file.tickersByAnalyst };
}
