import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RESTORE_PREFIX } from './backup/restore-folders';
import { TEMP_FILE_PATTERN } from './durable-write';
import { STAGING_PREFIX, type LibraryLayout } from './library-layout';

/**
 * Removes what an interrupted write leaves behind: staging folders of imports that never
 * completed, temp files beside `library.json`, and a restore's `.restore-*` folders (a
 * backup half unpacked, or a replaced library already swapped out). None ever holds the
 * only copy of anything: a staging folder becomes an article only by its final rename.
 * A `.replaced-*` folder is never swept: it is a restore cut off mid-swap, and
 * rollBackInterruptedRestore has put it back in place before this runs.
 */
export async function sweepStaging(layout: LibraryLayout): Promise<void> {
  for (const entry of await readdir(layout.articlesDir)) {
    if (entry.startsWith(STAGING_PREFIX)) {
      await rm(join(layout.articlesDir, entry), { recursive: true, force: true });
    }
  }
  for (const entry of await readdir(layout.dataDir)) {
    if (TEMP_FILE_PATTERN.test(entry)) await rm(join(layout.dataDir, entry), { force: true });
    if (entry.startsWith(RESTORE_PREFIX)) {
      await rm(join(layout.dataDir, entry), { recursive: true, force: true });
    }
  }
}
