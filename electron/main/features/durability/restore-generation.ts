import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GenerationFile, GenerationRestored } from '../../../../shared/domain/durability';
import { AppError } from '../../errors/app-error';
import { assertRealPathInside, joinInside } from '../../security/confine-path';
import type { LibraryControl } from '../../library-host';
import { describeWriteFailure } from '../../storage/describe-write-failure';
import { describeRestoreFailure } from '../backup/describe-restore-failure';
import { writeFileDurably } from '../../storage/durable-write';
import {
  generationFolder,
  parseGenerationId,
  storeFileOf,
  timeOfCopy,
} from '../../storage/generations/generation-path';
import { createGenerationStore } from '../../storage/generations/generation-store';
import type { LibraryLayout } from '../../storage/library-layout';
import { memoFileSpec } from '../../storage/memo-files';
import { parseStoreFile } from '../../storage/parse-store-file';
import { StoreFileError, type StoreFileSpec } from '../../storage/store-file-spec';
import { annotationsFileSpec, libraryFileSpec } from '../../storage/store-files';

function specOf(file: GenerationFile): StoreFileSpec<{ schemaVersion: number }> {
  switch (file.kind) {
    case 'library':
      return libraryFileSpec;
    case 'memo':
      return memoFileSpec;
    case 'annotations':
      return annotationsFileSpec;
  }
}

/** The file's current bytes, or null when there is none. */
async function currentBytes(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Puts a rolling copy back in place of its store file, with the library closed (its
 * catalogs are rebuilt when it opens again). The file as it is now becomes a rolling copy
 * first, so restoring is itself undoable from the Backups view. A copy that is not a
 * valid store file is refused and nothing changes.
 */
export async function restoreGeneration(
  layout: LibraryLayout,
  control: LibraryControl,
  id: string,
  label: string,
): Promise<GenerationRestored> {
  const named = parseGenerationId(id);
  if (!named) throw new AppError('NOT_FOUND', 'That copy is no longer in the backups folder.');
  const { file, name } = named;
  const copyPath = joinInside(generationFolder(layout.dataDir, file), name);
  await assertRealPathInside(layout.dataDir, copyPath);
  const copy = await currentBytes(copyPath);
  if (!copy) throw new AppError('NOT_FOUND', 'That copy is no longer in the backups folder.');
  try {
    parseStoreFile(specOf(file), copy);
  } catch (error) {
    if (!(error instanceof StoreFileError)) throw error;
    throw new AppError(
      'STORE_CORRUPT',
      `That copy cannot be restored: ${error.reason}. Nothing was changed; choose an older one.`,
    );
  }
  const target = joinInside(layout.dataDir, ...storeFileOf(file).split('/'));
  await assertRealPathInside(layout.dataDir, target);
  try {
    await control.replaceContents(async () => {
      const generations = createGenerationStore({ dataDir: layout.dataDir });
      const current = await currentBytes(target);
      if (current) await generations.keepNow(file, current);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await writeFileDurably(target, copy);
    });
  } catch (error) {
    // A swap that could not reopen the library is said as such, not as a failed save.
    throw error instanceof AggregateError
      ? describeRestoreFailure(error)
      : describeWriteFailure(label, error);
  }
  return { label, at: timeOfCopy(name)! };
}
