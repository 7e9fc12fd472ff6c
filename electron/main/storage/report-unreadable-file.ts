import { relative } from 'node:path';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { setAsideFile } from './set-aside-file';
import type { StoreFileError } from './store-file-spec';

export interface UnreadableFileReport {
  notice: StoreNotice;
  /** Where the damaged file now lies, relative to the data folder (null: not moved). */
  setAsideAs: string | null;
  /** A good copy was put back in its place. */
  recovered: boolean;
}

/**
 * What happens to a store file that could not be read: a damaged one is set aside (never
 * written over) and, when `recover` can, replaced by a good copy (`recover` writes it and
 * returns what to tell the analyst, or null when it has none); a missing one or one from a
 * newer Margin is left as it is. Either way the analyst is told. Paths in the notice are
 * relative to the data folder.
 */
export async function reportUnreadableFile(
  dataDir: string,
  path: string,
  error: StoreFileError,
  outcome: string,
  report: (notice: StoreNotice) => void,
  now: Date,
  recover?: () => Promise<string | null>,
): Promise<UnreadableFileReport> {
  const damaged = error.kind === 'corrupt' && !error.missing;
  const setAsideAs = damaged ? relative(dataDir, await setAsideFile(path, now)) : null;
  const recoveredOutcome = damaged && recover ? await recover().catch(() => null) : null;
  const notice: StoreNotice = {
    file: relative(dataDir, path),
    setAsideAs,
    reason: error.reason,
    outcome: recoveredOutcome ?? outcome,
  };
  report(notice);
  return { notice, setAsideAs, recovered: recoveredOutcome !== null };
}
