import { mkdir, rm } from 'node:fs/promises';
import type { BackupManifest } from './backup-manifest';
import { extractBackup } from './extract-backup';
import { replaceLibraryContents } from './replace-library-contents';
import { restoreFolderIn } from './restore-folders';

export interface RestoreLibraryBackupOptions {
  now?: () => Date;
}

/**
 * Replaces the closed library in `dataDir` (created when missing) with the backup's:
 * unpacks and checks it in a `.restore-…` folder inside `dataDir`, then swaps it in. A
 * backup that fails any check changes nothing. Returns the backup's manifest.
 */
export async function restoreLibraryBackup(
  zipPath: string,
  dataDir: string,
  { now }: RestoreLibraryBackupOptions = {},
): Promise<BackupManifest> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const stagingDir = restoreFolderIn(dataDir);
  try {
    const manifest = await extractBackup(zipPath, stagingDir);
    await replaceLibraryContents(dataDir, stagingDir, { now });
    return manifest;
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
}
