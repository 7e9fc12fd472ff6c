import { z } from 'zod';
import { ClaimFilter, ClaimSort } from '../claims/claim-query';
import { EntityId, IsoDateTime } from './primitives';

/** Where an export went: saved (path and size), or the analyst cancelled the dialog. */
export const SaveOutcome = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), path: z.string(), bytes: z.int().nonnegative() }),
  z.object({ saved: z.literal(false) }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcome>;

/** The memo as a Markdown report; the conviction log table is optional. */
export const MemoExportInput = z.object({
  id: EntityId,
  includeConvictionLog: z.boolean(),
});
export type MemoExportInput = z.infer<typeof MemoExportInput>;

/** An annotated article as Markdown, with or without its full text (claims marked). */
export const ArticleExportInput = z.object({
  articleId: EntityId,
  includeFullText: z.boolean(),
});
export type ArticleExportInput = z.infer<typeof ArticleExportInput>;

/** An article's highlights as W3C Web Annotation JSON-LD. */
export const AnnotationsExportInput = z.object({ articleId: EntityId });
export type AnnotationsExportInput = z.infer<typeof AnnotationsExportInput>;

/**
 * The claims board's selection as Markdown: main runs the board's query again (so the
 * claims are the library's, not the page's) and titles the report with the filters as the
 * page describes them ("Class: Risk", "Ticker: MSFT").
 */
export const ClaimsExportInput = z.object({
  filter: ClaimFilter,
  sort: ClaimSort,
  title: z.string().trim().min(1).max(200),
  filters: z.array(z.string().trim().min(1).max(300)).max(20),
});
export type ClaimsExportInput = z.infer<typeof ClaimsExportInput>;

export const LibraryCounts = z.object({
  articles: z.int().nonnegative(),
  highlights: z.int().nonnegative(),
  memos: z.int().nonnegative(),
  revisions: z.int().nonnegative(),
});
export type LibraryCounts = z.infer<typeof LibraryCounts>;

export const BackupOutcome = z.discriminatedUnion('saved', [
  z.object({
    saved: z.literal(true),
    path: z.string(),
    bytes: z.int().nonnegative(),
    counts: LibraryCounts,
    /** Store files left out because they are damaged (the library cannot read them either). */
    leftOut: z.array(z.string()),
  }),
  z.object({ saved: z.literal(false) }),
]);
export type BackupOutcome = z.infer<typeof BackupOutcome>;

/**
 * A backup the analyst chose to restore, checked but not yet restored: what it holds, and
 * whether the library it would replace has anything in it (then the page asks first).
 * `token` names the checked file for `library:restore`; the page never sends a path.
 */
export const RestorePlan = z.object({
  token: z.string().min(1).max(100),
  fileName: z.string(),
  createdAt: IsoDateTime,
  appVersion: z.string(),
  backup: LibraryCounts,
  current: LibraryCounts,
  currentIsEmpty: z.boolean(),
});
export type RestorePlan = z.infer<typeof RestorePlan>;

export const RestoreInput = z.object({ token: RestorePlan.shape.token });
export type RestoreInput = z.infer<typeof RestoreInput>;

export const RestoreOutcome = z.object({
  counts: LibraryCounts,
  /** Where the library that was replaced was saved first; null when it was empty. */
  previousLibraryBackup: z.string().nullable(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;
