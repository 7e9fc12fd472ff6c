import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { RESTORE_PREFIX } from './backup/restore-folders';
import { STAGING_PREFIX, type LibraryLayout } from './library-layout';
import { sweepTempFiles } from './sweep-temp-files';

/**
 * Removes what an interrupted write leaves behind at the top of the library: staging
 * folders of imports that never completed, temp files beside `library.json` (see
 * sweepTempFiles), and a restore's `.restore-*` folders (a backup half unpacked, or a
 * replaced library already swapped out). None ever holds the only copy of anything: a
 * staging folder becomes an article only by its final rename. A `.replaced-*` folder is
 * never swept: it is a restore cut off mid-swap, and rollBackInterruptedRestore has put it
 * back in place before this runs. The folders below are swept by the startup check.
 */
export async function sweepStaging(
  layout: LibraryLayout,
  report: (notice: StoreNotice) => void,
  now: Date,
): Promise<void> {
  for (const entry of await readdir(layout.articlesDir)) {
    if (entry.startsWith(STAGING_PREFIX)) {
      await rm(join(layout.articlesDir, entry), { recursive: true, force: true });
    }
  }
  await sweepTempFiles(layout.dataDir, layout.dataDir, report, now);
  for (const entry of await readdir(layout.dataDir)) {
    if (entry.startsWith(RESTORE_PREFIX)) {
      await rm(join(layout.dataDir, entry), { recursive: true, force: true });
    }
  }
}
