import { z } from 'zod';
import { MemoTitle } from './memo';
import { MemoDoc } from './memo-doc';
import { EntityId, IsoDateTime } from './primitives';

/**
 * Saving to the data folder is failing (disk full, file too large, no permission,
 * read-only disk). Main keeps what is saved intact and tries again on its own; the page
 * keeps what it has not saved yet and shows a banner until a write succeeds.
 */
export const WriteFailure = z.object({
  /** What could not be saved last: "the highlight", "\"MSFT memo\"". */
  what: z.string(),
  /** Why, in plain words: "the disk is full". */
  cause: z.string(),
  since: IsoDateTime,
  /** When main next checks whether the data folder can be written again. */
  nextCheckAt: IsoDateTime,
});
export type WriteFailure = z.infer<typeof WriteFailure>;

/** Which store file a rolling copy is of. */
export const GenerationFile = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library') }),
  z.object({ kind: z.literal('memo'), memoId: EntityId }),
  z.object({ kind: z.literal('annotations'), articleId: EntityId }),
]);
export type GenerationFile = z.infer<typeof GenerationFile>;

/** Names a rolling copy or a daily snapshot for the page, without a path. */
export const BackupEntryId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/);
export type BackupEntryId = z.infer<typeof BackupEntryId>;

/** One rolling copy of a store file, taken after a successful write. */
export const GenerationEntry = z.object({
  id: BackupEntryId,
  file: GenerationFile,
  /** What the analyst knows it by: "Library index (settings, tags, article list)", the memo's title. */
  label: z.string(),
  at: IsoDateTime,
  bytes: z.int().nonnegative(),
});
export type GenerationEntry = z.infer<typeof GenerationEntry>;

/** A whole-library backup in the data folder: a daily snapshot, or one taken before a restore. */
export const SnapshotEntry = z.object({
  id: BackupEntryId,
  kind: z.enum(['daily', 'before-restore']),
  fileName: z.string(),
  at: IsoDateTime,
  bytes: z.int().nonnegative(),
});
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

export const BackupCatalog = z.object({
  /** Newest first. */
  generations: z.array(GenerationEntry),
  /** Newest first. */
  snapshots: z.array(SnapshotEntry),
  /** The folder they are in (the analyst's own path). */
  folder: z.string(),
});
export type BackupCatalog = z.infer<typeof BackupCatalog>;

export const BackupEntryRef = z.object({ id: BackupEntryId });
export type BackupEntryRef = z.infer<typeof BackupEntryRef>;

export const GenerationRestored = z.object({
  label: z.string(),
  /** When the restored copy was taken. */
  at: IsoDateTime,
});
export type GenerationRestored = z.infer<typeof GenerationRestored>;

/** A memo the page holds but could not save: "Save a copy elsewhere…" includes it. */
export const UnsavedMemo = z.object({
  id: EntityId,
  title: MemoTitle,
  doc: MemoDoc,
});
export type UnsavedMemo = z.infer<typeof UnsavedMemo>;

export const SaveCopyInput = z.object({ unsavedMemos: z.array(UnsavedMemo).max(20) });
export type SaveCopyInput = z.infer<typeof SaveCopyInput>;

/** A reference in the library that points at nothing: reported at startup, never deleted. */
export const IntegrityProblem = z.object({
  kind: z.enum([
    'annotations-of-missing-article',
    'highlight-of-other-article',
    'unknown-tag',
    'citation-of-missing-claim',
    'listed-article-missing',
  ]),
  /** The file holding the reference, relative to the data folder. */
  file: z.string(),
  message: z.string(),
});
export type IntegrityProblem = z.infer<typeof IntegrityProblem>;
