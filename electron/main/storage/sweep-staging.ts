import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_FILE_PATTERN } from './durable-write';
import { STAGING_PREFIX, type LibraryLayout } from './library-layout';

/**
 * Removes what an interrupted write leaves behind: staging folders of imports that never
 * completed, and temp files beside `library.json`. Neither ever holds the only copy of
 * anything: a staging folder becomes an article only by its final rename.
 */
export async function sweepStaging(layout: LibraryLayout): Promise<void> {
  for (const entry of await readdir(layout.articlesDir)) {
    if (entry.startsWith(STAGING_PREFIX)) {
      await rm(join(layout.articlesDir, entry), { recursive: true, force: true });
    }
  }
  for (const entry of await readdir(layout.dataDir)) {
    if (TEMP_FILE_PATTERN.test(entry)) await rm(join(layout.dataDir, entry), { force: true });
  }
}
