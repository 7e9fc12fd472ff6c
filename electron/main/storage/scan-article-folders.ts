import { readdir } from 'node:fs/promises';
import { EntityId } from '../../../shared/domain/primitives';
import type { LibraryLayout } from './library-layout';

/** The ids of the article folders on disk (staging folders and stray files excluded). */
export async function scanArticleFolders(layout: LibraryLayout): Promise<string[]> {
  const entries = await readdir(layout.articlesDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && EntityId.safeParse(entry.name).success)
    .map((entry) => entry.name);
}
