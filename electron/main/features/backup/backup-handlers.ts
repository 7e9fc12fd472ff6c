import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { safeFileName } from '../../../../shared/export/safe-file-name';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { LibraryControl } from '../../library-host';
import { extractBackup } from '../../storage/backup/extract-backup';
import { inspectBackup } from '../../storage/backup/inspect-backup';
import { replaceLibraryContents } from '../../storage/backup/replace-library-contents';
import { restoreFolderIn } from '../../storage/backup/restore-folders';
import { writeLibraryBackup } from '../../storage/backup/write-library-backup';
import { describeWriteFailure } from '../../storage/describe-write-failure';
import type { Library } from '../../storage/open-library';
import type { Dialogs } from '../dialogs';
import { chooseSaveTarget } from '../export/choose-save-target';
import { describeExportFailure } from '../export/describe-export-failure';
import { BACKUP_FILTERS } from '../export/export-file-filters';
import type { LibraryIndex } from '../library-index/library-index';
import { describeRestoreFailure } from './describe-restore-failure';
import { libraryCounts } from './library-counts';
import { libraryIsEmpty } from './library-is-empty';
import { keepSetAsideFiles } from './keep-set-aside-files';
import { assertReadableBackupFile } from './readable-backup-file';
import { findSnapshot } from '../durability/list-snapshots';
import { moveAsideIfPresent } from '../durability/move-aside-if-present';
import { ROLLING_FOLDER } from '../../storage/generations/generation-path';
import type { RestorePlan } from '../../../../shared/domain/export';
import { fileTime } from './file-time';

export interface BackupFeatureDeps {
  library: Library;
  index: LibraryIndex;
  dialogs: Dialogs;
  /** Closes and reopens the library around a restore; without it, restoring is refused. */
  control: LibraryControl | undefined;
  appVersion: string;
  now: () => Date;
}

type BackupChannel =
  'library:backup' | 'library:chooseBackup' | 'library:restore' | 'backups:planRestore';

/** Where the library a restore replaces is saved first: the data folder's `backups/`. */
const BACKUPS_FOLDER = 'backups';

/**
 * The whole library to one zip file, and back. A restore is checked in full before
 * anything changes; restoring over a library that holds anything saves that library first
 * (the page has asked); the restore replaces the library, it never merges into it.
 */
export function createBackupHandlers({
  library,
  index,
  dialogs,
  control,
  appVersion,
  now,
}: BackupFeatureDeps): Pick<ChannelHandlers, BackupChannel> {
  /** The backup the analyst chose and Margin checked, waiting for their go-ahead. */
  let chosen: { token: string; path: string } | null = null;

  /** Pending writes first: the backup holds what the analyst sees. */
  async function settle(): Promise<void> {
    await Promise.all([
      library.annotations.flush(),
      library.articles.flush(),
      library.memos.flush(),
    ]);
  }

  /** The library about to be replaced, saved as a backup first (it is closed by then). */
  async function saveCurrentLibrary(path: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeLibraryBackup(library.layout, path, { appVersion, now });
    } catch (error) {
      throw describeExportFailure(
        'a backup of your current library (so nothing was restored)',
        path,
        error,
        false,
      );
    }
  }

  /** Checks the backup at `path` and remembers it for `library:restore`. */
  async function planRestore(path: string): Promise<RestorePlan> {
    await assertReadableBackupFile(path);
    const { manifest } = await inspectBackup(path);
    const current = await libraryCounts(library, index);
    const token = randomUUID();
    chosen = { token, path };
    return {
      token,
      fileName: basename(path),
      createdAt: manifest.createdAt,
      appVersion: manifest.appVersion,
      backup: manifest.counts,
      current,
      currentIsEmpty: libraryIsEmpty(library, current),
    };
  }

  return {
    'library:backup': async () => {
      const what = 'the backup';
      const target = await chooseSaveTarget(
        dialogs,
        {
          title: 'Back up library',
          defaultName: safeFileName(`Margin backup ${fileTime(now())}`, 'zip'),
          filters: BACKUP_FILTERS,
        },
        what,
      );
      if (target === null) return { saved: false };
      await settle();
      try {
        const summary = await writeLibraryBackup(library.layout, target.writePath, {
          appVersion,
          now,
        });
        return {
          saved: true,
          path: target.path,
          bytes: summary.bytes,
          counts: summary.counts,
          leftOut: summary.leftOut.map((file) => file.path),
        };
      } catch (error) {
        throw describeExportFailure(what, target.writePath, error, target.replacedMode !== null);
      }
    },

    'library:chooseBackup': async () => {
      const path = await dialogs.chooseBackupFile();
      if (path === null) return null;
      return planRestore(path);
    },

    'backups:planRestore': async ({ id }) =>
      planRestore((await findSnapshot(library.layout, id)).path),

    'library:restore': async ({ token }) => {
      if (!chosen || chosen.token !== token) {
        throw new AppError('NOT_FOUND', 'Choose the backup to restore again.');
      }
      if (!control) throw new Error('restoring needs the library host');
      if (library.status().readOnlyReason !== null) {
        throw new AppError(
          'STORE_READ_ONLY',
          'This library is open read-only, so it cannot be replaced. Restore into a library this Margin can write to.',
        );
      }
      const { path } = chosen;
      const { dataDir } = library.layout;
      // Unpacked and checked in full while the library stays open: a bad backup changes nothing.
      await assertReadableBackupFile(path);
      const stagingDir = restoreFolderIn(dataDir);
      let manifest;
      try {
        manifest = await extractBackup(path, stagingDir);
      } catch (error) {
        throw describeWriteFailure('the unpacked backup', error);
      }
      try {
        const empty = libraryIsEmpty(library, await libraryCounts(library, index));
        const stamp = fileTime(now());
        const previousLibraryBackup = empty
          ? null
          : join(dataDir, BACKUPS_FOLDER, safeFileName(`Before restore ${stamp}`, 'zip'));
        // Kept whether or not the library counts as empty: they may hold the only copy of
        // something the analyst wrote, and the swap removes the folders they are in.
        const keptFiles = join(dataDir, BACKUPS_FOLDER, `Before restore ${stamp} set-aside files`);
        const rolling = join(dataDir, ...ROLLING_FOLDER);
        const rollingAside = join(
          dataDir,
          BACKUPS_FOLDER,
          `Rolling copies before restore ${stamp} ${randomUUID().slice(0, 8)}`,
        );
        try {
          // With the library closed: nothing written from now on can miss both copies.
          await control.replaceContents(async () => {
            if (previousLibraryBackup) await saveCurrentLibrary(previousLibraryBackup);
            await keepSetAsideFiles(dataDir, keptFiles);
            // The rolling copies are of the replaced library: kept, but moved out of the
            // way first, so that no recovery can ever put one back into the restored one.
            await moveAsideIfPresent(rolling, rollingAside);
            try {
              await replaceLibraryContents(dataDir, stagingDir, { now });
            } catch (error) {
              await moveAsideIfPresent(rollingAside, rolling).catch(() => undefined);
              throw error;
            }
          });
        } catch (error) {
          throw describeRestoreFailure(error);
        }
        chosen = null;
        return { counts: manifest.counts, previousLibraryBackup };
      } finally {
        await rm(stagingDir, { recursive: true, force: true });
      }
    },
  };
}
