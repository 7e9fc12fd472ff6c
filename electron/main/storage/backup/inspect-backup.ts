import type { BackupManifest } from './backup-manifest';
import { openBackup } from './open-backup';

export interface BackupInfo {
  manifest: BackupManifest;
  /** The zip file's size. */
  bytes: number;
}

/**
 * What a backup holds, once its structure is checked (see open-backup.ts), for the analyst
 * to confirm before restoring. Unpacks nothing but the manifest; throws BackupError.
 */
export async function inspectBackup(zipPath: string): Promise<BackupInfo> {
  const backup = await openBackup(zipPath);
  backup.close();
  return { manifest: backup.manifest, bytes: backup.bytes };
}
