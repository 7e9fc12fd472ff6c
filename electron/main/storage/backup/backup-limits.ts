/**
 * What a backup may expand to before Margin refuses to unpack it (checked on the zip's
 * directory before anything is inflated, and again on the bytes actually inflated).
 */
export const BACKUP_LIMITS = {
  /** Files in one backup; an analyst-year library has about 20,000. */
  maxEntries: 200_000,
  /** All files once inflated. */
  maxTotalBytes: 8 * 1024 ** 3,
  /** One store file (an article of the longest text Margin imports is about 40 MiB). */
  maxFileBytes: 256 * 1024 ** 2,
  /** `margin-backup.json` alone (about 150 bytes per file listed). */
  maxManifestBytes: 64 * 1024 ** 2,
  /** Highest compression ratio accepted for a file bigger than `ratioFloorBytes`. */
  maxRatio: 200,
  /** Small JSON files compress very well and are harmless. */
  ratioFloorBytes: 1024 ** 2,
} as const;
