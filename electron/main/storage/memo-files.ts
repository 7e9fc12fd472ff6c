import { z } from 'zod';
import { Memo, MemoRevision, MemoRevisionSummary } from '../../../shared/domain/memo';
import type { MemoDoc } from '../../../shared/domain/memo-doc';
import { EntityId } from '../../../shared/domain/primitives';
import type { StoreFileSpec } from './store-file-spec';

/** The most revisions kept per memo; past it, the oldest automatic ones go first. */
export const MEMO_REVISIONS_MAX = 300;

/** Which revision is the newest, so opening the library never reads the revisions files. */
export const NewestRevision = MemoRevisionSummary.pick({ id: true, at: true, version: true });
export type NewestRevision = z.infer<typeof NewestRevision>;

/**
 * `memos/<id>/memo.json`: the memo, rewritten on each save. `newestRevision` mirrors the
 * last entry of `revisions.json` (written after it); when a crash leaves it behind, the
 * worst outcome is one revision more than needed.
 */
export const MemoFile = z.object({
  schemaVersion: z.literal(1),
  memo: Memo,
  newestRevision: NewestRevision.nullable(),
});
export type MemoFile = z.infer<typeof MemoFile>;

/**
 * A memo's body reaches the store checked: by the channel's zod schema and ProseMirror's
 * schema (`checkedMemoDoc`), or built by main from checked parts. Writes check the rest of
 * the file and leave the body, which is most of an autosave's cost, to those checks.
 */
const CheckedDoc = z.custom<MemoDoc>((value) => typeof value === 'object' && value !== null);

export const memoFileSpec: StoreFileSpec<MemoFile> = {
  description: 'a memo',
  currentVersion: 1,
  schema: MemoFile,
  writeSchema: MemoFile.extend({ memo: Memo.extend({ doc: CheckedDoc }) }),
  compact: true,
  migrations: {},
};

/** `memos/<id>/revisions/<revisionId>.json`: one revision, a whole copy of the memo, written once. */
export const RevisionFile = z.object({
  schemaVersion: z.literal(1),
  revision: MemoRevision,
});
export type RevisionFile = z.infer<typeof RevisionFile>;

export const revisionFileSpec: StoreFileSpec<RevisionFile> = {
  description: 'a memo revision',
  currentVersion: 1,
  schema: RevisionFile,
  writeSchema: RevisionFile.extend({ revision: MemoRevision.extend({ doc: CheckedDoc }) }),
  compact: true,
  migrations: {},
};

/**
 * `memos/<id>/revisions.json`: the list of the memo's revisions, oldest first, at most
 * MEMO_REVISIONS_MAX, without their text (each is in its own file). Rewritten only when a
 * revision is taken or dropped, always after the revision files it lists are written.
 */
export const RevisionsIndex = z.object({
  schemaVersion: z.literal(2),
  memoId: EntityId,
  revisions: z.array(MemoRevisionSummary).max(MEMO_REVISIONS_MAX),
});
export type RevisionsIndex = z.infer<typeof RevisionsIndex>;

/** How the list is written; it is read with `storedRevisionsIndexSpec`, which migrates format 1. */
export const revisionsIndexSpec: StoreFileSpec<RevisionsIndex> = {
  description: "a memo's list of revisions",
  currentVersion: 2,
  schema: RevisionsIndex,
  migrations: {},
};

/**
 * `revisions.json` as read. Format 1 held the whole revisions; it reads as the list plus
 * `unmoved`, the revisions still to be written to their own files before the list is
 * rewritten in format 2.
 */
export const StoredRevisionsIndex = RevisionsIndex.extend({
  unmoved: z.array(MemoRevision).max(MEMO_REVISIONS_MAX).optional(),
});
export type StoredRevisionsIndex = z.infer<typeof StoredRevisionsIndex>;

export const storedRevisionsIndexSpec: StoreFileSpec<StoredRevisionsIndex> = {
  description: revisionsIndexSpec.description,
  currentVersion: 2,
  schema: StoredRevisionsIndex,
  migrations: { 1: (data) => ({ ...data, unmoved: data.revisions }) },
};
