import { z } from 'zod';
import { MEMO_SECTION_IDS } from '../memo/memo-sections';
import { Ticker } from './article';
import { ClaimReferenceAttrs, MemoDoc, MemoNode } from './memo-doc';
import { ClaimClass } from './highlight';
import { EntityId, IsoDate, IsoDateTime } from './primitives';

export const Recommendation = z.string().trim().min(1).max(40);
/** The analyst's rating scale, best first (settings). */
export const RecommendationScale = z
  .array(Recommendation)
  .min(2)
  .max(9)
  .refine((scale) => new Set(scale.map((r) => r.toLowerCase())).size === scale.length, {
    message: 'Each rating of the scale must be different.',
  });
export type RecommendationScale = z.infer<typeof RecommendationScale>;

export const Conviction = z.enum(['high', 'medium', 'low']);
export type Conviction = z.infer<typeof Conviction>;

export const MemoStatus = z.enum(['draft', 'final']);
export type MemoStatus = z.infer<typeof MemoStatus>;

/** ISO 4217, upper case ("USD", "EUR"). */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code (USD)');

export const PriceTarget = z.object({
  amount: z.number().positive().max(1e9).finite(),
  currency: CurrencyCode,
});
export type PriceTarget = z.infer<typeof PriceTarget>;

/** The memo template's structured header. Empty fields are null, never free text. */
export const MemoHeader = z.object({
  company: z.string().trim().max(200),
  ticker: Ticker.nullable(),
  recommendation: Recommendation.nullable(),
  priceTarget: PriceTarget.nullable(),
  /** How far the view looks ("12 months"). */
  horizon: z.string().trim().max(60),
  conviction: Conviction.nullable(),
  author: z.string().trim().max(120),
  date: IsoDate,
});
export type MemoHeader = z.infer<typeof MemoHeader>;

/** The header fields whose change is logged with a reason. */
export const LoggedField = z.enum(['recommendation', 'priceTarget', 'conviction']);
export type LoggedField = z.infer<typeof LoggedField>;

export const ConvictionChange = z.object({
  field: LoggedField,
  /** The values as the analyst reads them ("Hold", "USD 520", "medium"); "" when unset. */
  from: z.string().max(80),
  to: z.string().max(80),
});
export type ConvictionChange = z.infer<typeof ConvictionChange>;

export const ConvictionReason = z.string().trim().min(1, 'Give a one-line reason.').max(300);

/** One entry of the conviction log: what changed, why, and the claims that caused it. */
export const ConvictionLogEntry = z.object({
  id: EntityId,
  at: IsoDateTime,
  changes: z.array(ConvictionChange).min(1).max(3),
  reason: ConvictionReason,
  claimIds: z.array(EntityId).max(20),
});
export type ConvictionLogEntry = z.infer<typeof ConvictionLogEntry>;

export const MemoTitle = z.string().trim().min(1).max(200);

export const Memo = z.object({
  id: EntityId,
  title: MemoTitle,
  status: MemoStatus,
  header: MemoHeader,
  doc: MemoDoc,
  convictionLog: z.array(ConvictionLogEntry).max(2_000),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Counts saves: a save names the version it edited, so an older copy cannot overwrite a newer one. */
  version: z.int().nonnegative(),
});
export type Memo = z.infer<typeof Memo>;

/** A memo in the list: its header and counts, not its text. */
export const MemoSummary = Memo.pick({
  id: true,
  title: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  version: true,
}).extend({
  company: MemoHeader.shape.company,
  ticker: MemoHeader.shape.ticker,
  recommendation: MemoHeader.shape.recommendation,
  conviction: MemoHeader.shape.conviction,
  priceTarget: MemoHeader.shape.priceTarget,
  citations: z.int().nonnegative(),
  words: z.int().nonnegative(),
});
export type MemoSummary = z.infer<typeof MemoSummary>;

export const MemoRef = z.object({ id: EntityId });
export type MemoRef = z.infer<typeof MemoRef>;

/** A new memo from the template; the header fields given are filled in. */
export const NewMemoInput = z.object({
  title: MemoTitle.optional(),
  company: MemoHeader.shape.company.optional(),
  ticker: Ticker.optional(),
  author: MemoHeader.shape.author.optional(),
});
export type NewMemoInput = z.input<typeof NewMemoInput>;

/** An autosave: the body and title as edited from `baseVersion`. */
export const MemoSaveInput = z.object({
  id: EntityId,
  baseVersion: z.int().nonnegative(),
  title: MemoTitle,
  doc: MemoDoc,
});
export type MemoSaveInput = z.input<typeof MemoSaveInput>;

export const MemoSaved = z.object({
  version: z.int().nonnegative(),
  updatedAt: IsoDateTime,
  /** The revision main took because the last one is more than an hour old, if any. */
  revision: z.lazy(() => MemoRevisionSummary).nullable(),
  /** The memo as the list shows it now (word and citation counts). */
  summary: MemoSummary,
});
export type MemoSaved = z.infer<typeof MemoSaved>;

/**
 * A header edit. When it changes the recommendation, price target or conviction, `reason`
 * is required and the change is logged (with the claims the analyst names).
 */
export const MemoHeaderUpdate = z.object({
  id: EntityId,
  baseVersion: z.int().nonnegative(),
  title: MemoTitle,
  header: MemoHeader,
  reason: ConvictionReason.optional(),
  claimIds: z.array(EntityId).max(20).default([]),
});
export type MemoHeaderUpdate = z.input<typeof MemoHeaderUpdate>;

export const MemoStatusUpdate = z.object({
  id: EntityId,
  baseVersion: z.int().nonnegative(),
  status: MemoStatus,
});
export type MemoStatusUpdate = z.input<typeof MemoStatusUpdate>;

/**
 * Why a revision exists: the analyst saved one (Ctrl+S), the memo was closed, an hour of
 * editing passed, or the text was about to be replaced by an older revision.
 */
export const RevisionReason = z.enum(['manual', 'close', 'hourly', 'before-restore']);
export type RevisionReason = z.infer<typeof RevisionReason>;

export const MemoRevisionSummary = z.object({
  id: EntityId,
  memoId: EntityId,
  at: IsoDateTime,
  reason: RevisionReason,
  /** The memo version it copies. */
  version: z.int().nonnegative(),
  title: MemoTitle,
  words: z.int().nonnegative(),
  /** The analyst's name for a manual revision; "" otherwise. */
  label: z.string().trim().max(120),
});
export type MemoRevisionSummary = z.infer<typeof MemoRevisionSummary>;

export const MemoRevision = MemoRevisionSummary.extend({ doc: MemoDoc, header: MemoHeader });
export type MemoRevision = z.infer<typeof MemoRevision>;

export const MemoSnapshotInput = z.object({
  id: EntityId,
  reason: RevisionReason.exclude(['close']),
  label: MemoRevisionSummary.shape.label.default(''),
});
export type MemoSnapshotInput = z.input<typeof MemoSnapshotInput>;

export const MemoRevisionRef = z.object({ id: EntityId, revisionId: EntityId });
export type MemoRevisionRef = z.infer<typeof MemoRevisionRef>;

/** A citation as inserted: the claim's snapshot, built by main from the library. */
export const CitationSnapshot = ClaimReferenceAttrs;
export type CitationSnapshot = z.infer<typeof CitationSnapshot>;

/**
 * What a cited highlight is now: still there (its current words, which the node shows if
 * the analyst edited the highlight), orphaned (its words left the article) or deleted.
 */
export const CitationState = z.object({
  highlightId: EntityId,
  state: z.enum(['ok', 'orphaned', 'deleted']),
  quote: z.string().nullable(),
  claimClass: ClaimClass.nullable(),
  paraphrase: z.string().nullable(),
});
export type CitationState = z.infer<typeof CitationState>;

export const HighlightIds = z.object({ highlightIds: z.array(EntityId).max(5_000) });
export type HighlightIds = z.infer<typeof HighlightIds>;

/** The memos citing a claim. */
export const MemoBacklink = z.object({ memoId: EntityId, title: MemoTitle });
export type MemoBacklink = z.infer<typeof MemoBacklink>;
export const MemoBacklinks = z.record(EntityId, z.array(MemoBacklink));
export type MemoBacklinks = z.infer<typeof MemoBacklinks>;

export const MemoSectionId = z.enum(MEMO_SECTION_IDS);

/** "Add to memo…" from the reader: the citation goes at the end of the section. */
export const AddCitationInput = z.object({
  id: EntityId,
  highlightId: EntityId,
  section: MemoSectionId,
});
export type AddCitationInput = z.infer<typeof AddCitationInput>;

/** "Assemble from claims": the claims of a ticker or of chosen articles. */
export const AssembleInput = z.union([
  z.object({ ticker: Ticker }),
  z.object({ articleIds: z.array(EntityId).min(1).max(200) }),
]);
export type AssembleInput = z.infer<typeof AssembleInput>;

/** Tiptap content for the Thesis, Risks and Evidence sections, to insert as one undoable step. */
export const AssembledSections = z.object({
  thesis: z.array(MemoNode),
  risks: z.array(MemoNode),
  evidence: z.array(MemoNode),
  /** How many claims were placed. */
  claims: z.int().nonnegative(),
});
export type AssembledSections = z.infer<typeof AssembledSections>;
