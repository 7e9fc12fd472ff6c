import { z } from 'zod';
import { IsoDateTime } from '../../../../shared/domain/primitives';

/** The manifest's name: the first entry of every backup. */
export const BACKUP_MANIFEST_NAME = 'margin-backup.json';

/** The backup format this Margin writes and reads; a newer one is refused, never guessed at. */
export const BACKUP_FORMAT_VERSION = 1;

const count = z.int().nonnegative();

/**
 * `margin-backup.json`: what the backup holds, so it can be described before anything is
 * unpacked, and every file checked as it is. `files` lists each file once, in the order of
 * the zip, with its exact size and SHA-256; paths are relative to the data folder, with `/`.
 */
export const BackupManifest = z.object({
  format: z.literal('margin-backup'),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: IsoDateTime,
  appVersion: z.string().min(1).max(100),
  /** `schemaVersion` of the backed-up `library.json`. */
  libraryFormat: z.int().positive(),
  counts: z.object({ articles: count, highlights: count, memos: count, revisions: count }),
  files: z.array(
    z.object({
      path: z.string().min(1).max(1024),
      size: count,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type BackupManifest = z.infer<typeof BackupManifest>;
