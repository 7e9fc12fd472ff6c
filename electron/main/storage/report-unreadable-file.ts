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

export interface UnreadableFileOptions {
  /** Writes a good copy in place of the set-aside file and says so; null when it has none. */
  recover?: () => Promise<string | null>;
  /** The library may not be written: the file is left where it is, and the notice says so. */
  readOnly?: boolean;
}

/**
 * What happens to a store file that could not be read: a damaged one is set aside (never
 * written over) and, when `recover` can, replaced by a good copy; a missing one, one from a
 * newer Margin, or any in a read-only library is left as it is. Either way the analyst is
 * told. Paths in the notice are relative to the data folder.
 */
export async function reportUnreadableFile(
  dataDir: string,
  path: string,
  error: StoreFileError,
  outcome: string,
  report: (notice: StoreNotice) => void,
  now: Date,
  { recover, readOnly = false }: UnreadableFileOptions = {},
): Promise<UnreadableFileReport> {
  if (readOnly) {
    const notice: StoreNotice = {
      file: relative(dataDir, path),
      setAsideAs: null,
      reason: error.reason,
      outcome: `${outcome} The library is read-only, so the file was left where it is.`,
    };
    report(notice);
    return { notice, setAsideAs: null, recovered: false };
  }
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
