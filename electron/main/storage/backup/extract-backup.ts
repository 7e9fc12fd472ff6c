import { createHash } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { hardenRename, STORE_FILE_MODE } from '../durable-write';
import { StoreFileError } from '../store-file-spec';
import { BackupError } from './backup-error';
import type { BackupManifest } from './backup-manifest';
import { checkStoreFile } from './check-store-file';
import { openBackup, type BackupFile, type OpenBackup } from './open-backup';
import { readEntryBytes } from './read-entry-bytes';
import { runPool } from './run-pool';

/** Files unpacked at once. */
const UNPACK_AT_ONCE = 16;
const FOLDER_MODE = 0o700;

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', STORE_FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The store file's bytes, proven to be the ones the manifest lists (size and SHA-256). */
async function verifiedBytes(backup: OpenBackup, file: BackupFile): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readEntryBytes(backup.zip, backup.reader, file.entry, file.size);
  } catch (error) {
    throw BackupError.damaged(`${file.path} cannot be unpacked`, { cause: error });
  }
  if (bytes.length !== file.size) {
    throw BackupError.damaged(`${file.path} does not have the size its list of contents gives`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) {
    throw BackupError.damaged(`${file.path} does not match its checksum`);
  }
  return bytes;
}

function checked(file: BackupFile, bytes: Buffer): number {
  try {
    return checkStoreFile(file.storePath, bytes).highlights;
  } catch (error) {
    if (!(error instanceof StoreFileError)) throw error;
    if (error.kind === 'newer-version') {
      throw new BackupError(
        'UNSUPPORTED_FORMAT',
        `This backup holds files from a newer Margin (${file.path}: ${error.reason}); update Margin to restore it.`,
      );
    }
    throw BackupError.damaged(`${file.path} cannot be read (${error.reason})`);
  }
}

async function unpack(backup: OpenBackup, stagingDir: string): Promise<void> {
  const root = resolve(stagingDir);
  /** Each folder created once; all fsynced at the end. */
  const folders = new Map<string, Promise<unknown>>([[root, Promise.resolve()]]);
  const folder = (path: string): Promise<unknown> => {
    let made = folders.get(path);
    if (!made) {
      made = folder(dirname(path)).then(() => mkdir(path, { mode: FOLDER_MODE }));
      folders.set(path, made);
    }
    return made;
  };
  await folder(join(root, 'articles'));
  await folder(join(root, 'memos'));
  const counts = { articles: 0, highlights: 0, memos: 0, revisions: 0 };

  async function unpackOne(file: BackupFile): Promise<void> {
    const target = join(root, ...file.path.split('/'));
    // The paths were checked against an allow-list already; this keeps it true by construction.
    if (!target.startsWith(root + sep)) {
      throw BackupError.damaged(`${file.path} has no place in a library`);
    }
    const bytes = await verifiedBytes(backup, file);
    counts.highlights += checked(file, bytes);
    if (file.storePath.kind === 'article') counts.articles++;
    if (file.storePath.kind === 'memo') counts.memos++;
    if (file.storePath.kind === 'revision') counts.revisions++;
    await folder(dirname(target));
    await writeSynced(target, bytes);
  }

  const { files, manifest } = backup;
  await runPool(files, UNPACK_AT_ONCE, unpackOne);
  const expected = manifest.counts;
  if (Object.entries(counts).some(([key, n]) => expected[key as keyof typeof counts] !== n)) {
    throw BackupError.damaged('what it holds does not match the counts its list of contents gives');
  }
  // Each new folder's entries must survive a power cut before the folder becomes the library.
  await runPool([...folders.keys()], UNPACK_AT_ONCE, hardenRename);
}

/**
 * Unpacks a backup into `stagingDir`, a new folder (it must not exist; its parent must),
 * ready for replaceLibraryContents. The backup's structure is checked before anything is
 * written (open-backup.ts); then each file is checked against its SHA-256 and validated as
 * the library would read it, and written owner-only and fsynced. Returns the manifest.
 *
 * On any failure the staging folder is removed: a BackupError when the backup is at fault,
 * the file system's own error otherwise (a full disk). Nothing outside `stagingDir` is
 * ever written.
 */
export async function extractBackup(zipPath: string, stagingDir: string): Promise<BackupManifest> {
  const backup = await openBackup(zipPath);
  try {
    await mkdir(stagingDir, { mode: FOLDER_MODE });
    try {
      await unpack(backup, stagingDir);
    } catch (error) {
      await rm(stagingDir, { recursive: true, force: true });
      throw error;
    }
  } finally {
    backup.close();
  }
  return backup.manifest;
}
