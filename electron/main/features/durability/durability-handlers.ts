import { safeFileName } from '../../../../shared/export/safe-file-name';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { LibraryControl } from '../../library-host';
import { writeLibraryBackup } from '../../storage/backup/write-library-backup';
import { parseGenerationId } from '../../storage/generations/generation-path';
import type { Library } from '../../storage/open-library';
import type { Dialogs } from '../dialogs';
import { chooseSaveTarget } from '../export/choose-save-target';
import { describeExportFailure } from '../export/describe-export-failure';
import { BACKUP_FILTERS } from '../export/export-file-filters';
import { listGenerations } from './list-generations';
import { listSnapshots } from './list-snapshots';
import { restoreGeneration } from './restore-generation';
import { unsavedMemoFiles } from './unsaved-memo-files';
import { join } from 'node:path';
import { fileTime } from '../backup/file-time';

export interface DurabilityFeatureDeps {
  library: Library;
  dialogs: Dialogs;
  /** Closes and reopens the library around a restore; without it, restoring is refused. */
  control: LibraryControl | undefined;
  appVersion: string;
  now: () => Date;
}

type DurabilityChannel = 'library:saveCopy' | 'backups:list' | 'backups:restoreGeneration';

/**
 * What keeps the analyst's work when something goes wrong: a copy of everything, unsaved
 * memos included, to a place of their choosing while the data folder cannot be written;
 * and the rolling copies and daily snapshots the library keeps, listed and restorable.
 */
export function createDurabilityHandlers({
  library,
  dialogs,
  control,
  appVersion,
  now,
}: DurabilityFeatureDeps): Pick<ChannelHandlers, DurabilityChannel> {
  return {
    'library:saveCopy': async ({ unsavedMemos }) => {
      const what = 'the copy of your library';
      const replacements = await unsavedMemoFiles(library, unsavedMemos, now());
      const target = await chooseSaveTarget(
        dialogs,
        {
          title: 'Save a copy of the library elsewhere',
          defaultName: safeFileName(`Margin copy ${fileTime(now())}`, 'zip'),
          filters: BACKUP_FILTERS,
        },
        what,
      );
      if (target === null) return { saved: false };
      try {
        const summary = await writeLibraryBackup(library.layout, target.writePath, {
          appVersion,
          now,
          replacements,
        });
        return { saved: true, path: target.path, bytes: summary.bytes };
      } catch (error) {
        throw describeExportFailure(what, target.writePath, error, target.replacedMode !== null);
      }
    },

    'backups:list': async () => ({
      generations: await listGenerations(library),
      snapshots: (await listSnapshots(library.layout)).map(({ path: _path, ...entry }) => entry),
      folder: join(library.layout.dataDir, 'backups'),
    }),

    'backups:restoreGeneration': async ({ id }) => {
      if (!control) throw new Error('restoring needs the library host');
      if (library.status().readOnlyReason !== null) {
        throw new AppError(
          'STORE_READ_ONLY',
          'This library is open read-only, so nothing in it can be restored.',
        );
      }
      const named = parseGenerationId(id);
      // Highlights without their article would be a folder Margin cannot list; a memo's
      // copy, by contrast, brings back a memo that is gone.
      if (named?.file.kind === 'annotations' && !library.articles.findById(named.file.articleId)) {
        throw new AppError(
          'NOT_FOUND',
          'The article these highlights belong to is no longer in the library, so they cannot be put back. Nothing was changed.',
        );
      }
      const entry = (await listGenerations(library)).find((g) => g.id === id);
      const label =
        entry?.label ?? (named?.file.kind === 'library' ? 'the library index' : 'the file');
      return restoreGeneration(library.layout, control, id, label);
    },
  };
}
