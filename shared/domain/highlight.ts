import { z } from 'zod';
import { CLAIM_LINKS_MAX, ClaimLink } from './claim-relation';
import {
  HIGHLIGHT_MAX_CHARS,
  HIGHLIGHT_NOTE_MAX_CHARS,
  QUOTE_CONTEXT_CHARS,
} from './highlight-limits';
import { EntityId, IsoDateTime } from './primitives';

/** The three classes of claim; the analyst's own tags come on top. */
export const ClaimClass = z.enum(['thesis', 'risk', 'evidence']);
export type ClaimClass = z.infer<typeof ClaimClass>;

/**
 * W3C Web Annotation selectors. `quote` is a TextQuoteSelector (the exact words plus
 * 32 characters of context each side); `position` a TextPositionSelector over the
 * article's canonical NFC text, counted in UTF-16 code units (JavaScript string indices),
 * so `text.slice(start, end)` is the quote. See docs/adr/0006-highlight-anchoring.md.
 */
export const HighlightSelectors = z.object({
  quote: z.object({
    exact: z.string().min(1).max(HIGHLIGHT_MAX_CHARS),
    prefix: z.string().max(QUOTE_CONTEXT_CHARS),
    suffix: z.string().max(QUOTE_CONTEXT_CHARS),
  }),
  position: z
    .object({ start: z.int().nonnegative(), end: z.int().nonnegative() })
    .refine((p) => p.end > p.start, 'a position selector must cover at least one character'),
});
export type HighlightSelectors = z.infer<typeof HighlightSelectors>;

export const HighlightNote = z.string().max(HIGHLIGHT_NOTE_MAX_CHARS);

/** A highlighted claim in one article, stored in that article's annotations file. */
export const Highlight = z.object({
  id: EntityId,
  articleId: EntityId,
  selectors: HighlightSelectors,
  /** The PDF page the quote starts on, for text imported from a PDF; otherwise null. */
  page: z.int().positive().nullable(),
  claimClass: ClaimClass,
  /** Ids of codebook tags: a rename in the codebook applies everywhere at once. */
  tags: z.array(EntityId).max(50),
  /** The analyst's note: plain text, line breaks kept. */
  note: HighlightNote,
  /** A paraphrase or translation, so a memo can quote English while the source stays German. */
  paraphrase: HighlightNote,
  /** Links to thesis claims this claim supports or contradicts (see claim-relation.ts). */
  links: z.array(ClaimLink).max(CLAIM_LINKS_MAX),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Highlight = z.infer<typeof Highlight>;

/**
 * Where a stored highlight sits in the article's current text, and how it was found:
 * `position` (the stored offsets still hold the quote), `quote` (the exact words found
 * elsewhere), `fuzzy` (similar words found; the panel says so). Null: an orphan.
 */
export const HighlightAnchor = z.object({
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  method: z.enum(['position', 'quote', 'fuzzy']),
});
export type HighlightAnchor = z.infer<typeof HighlightAnchor>;

export const AnchoredHighlight = z.object({
  highlight: Highlight,
  anchor: HighlightAnchor.nullable(),
});
export type AnchoredHighlight = z.infer<typeof AnchoredHighlight>;

const TextSpan = {
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
};
const spanIsOrdered = (s: { start: number; end: number }) => s.end > s.start;

/** A new highlight: main takes the words and their context from the article itself. */
export const NewHighlightInput = z
  .object({
    articleId: EntityId,
    ...TextSpan,
    claimClass: ClaimClass,
    tags: Highlight.shape.tags.default([]),
    note: HighlightNote.default(''),
    paraphrase: HighlightNote.default(''),
  })
  .refine(spanIsOrdered, 'a highlight must cover at least one character');
export type NewHighlightInput = z.input<typeof NewHighlightInput>;

/** The analyst's changes to a highlight; omitted fields stay as they are. */
export const HighlightChanges = z.object({
  articleId: EntityId,
  id: EntityId,
  claimClass: ClaimClass.optional(),
  tags: Highlight.shape.tags.optional(),
  note: HighlightNote.optional(),
  paraphrase: HighlightNote.optional(),
});
export type HighlightChanges = z.input<typeof HighlightChanges>;

/** Re-attaches a highlight (an orphan, or one that drifted) to newly selected words. */
export const HighlightReattach = z
  .object({ articleId: EntityId, id: EntityId, ...TextSpan })
  .refine(spanIsOrdered, 'a highlight must cover at least one character');
export type HighlightReattach = z.input<typeof HighlightReattach>;

export const HighlightRef = z.object({ articleId: EntityId, id: EntityId });
export type HighlightRef = z.infer<typeof HighlightRef>;

/** One version of a highlight (undo): main restores its own copy, never the page's words. */
export const HighlightVersionRef = HighlightRef.extend({ updatedAt: IsoDateTime });
export type HighlightVersionRef = z.infer<typeof HighlightVersionRef>;
