import { relative } from 'node:path';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { setAsideFile } from './set-aside-file';
import type { StoreFileError } from './store-file-spec';

/**
 * What happens to a store file that could not be read: a damaged one is set aside (never
 * written over), a missing one or one from a newer Margin is left as it is, and either way
 * the analyst is told. Returns the notice, whose paths are relative to the data folder.
 */
export async function reportUnreadableFile(
  dataDir: string,
  path: string,
  error: StoreFileError,
  outcome: string,
  report: (notice: StoreNotice) => void,
  now: Date,
): Promise<StoreNotice> {
  const damaged = error.kind === 'corrupt' && !error.missing;
  const notice: StoreNotice = {
    file: relative(dataDir, path),
    setAsideAs: damaged ? relative(dataDir, await setAsideFile(path, now)) : null,
    reason: error.reason,
    outcome,
  };
  report(notice);
  return notice;
}
