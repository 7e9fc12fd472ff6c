import { z } from 'zod';
import { EntityId, IsoDateTime } from './primitives';

/** A claim anywhere in the library (the same shape as highlight.ts's HighlightRef). */
const ClaimRef = z.object({ articleId: EntityId, id: EntityId });

/** How an evidence or risk claim bears on a thesis claim. */
export const RelationKind = z.enum(['supports', 'contradicts']);
export type RelationKind = z.infer<typeof RelationKind>;

/**
 * A link from one claim (evidence or risk) to a thesis claim, possibly in another article.
 * Stored on the claim it starts from, so deleting that claim takes its links along.
 */
export const ClaimLink = z.object({
  id: EntityId,
  to: ClaimRef,
  kind: RelationKind,
  createdAt: IsoDateTime,
});
export type ClaimLink = z.infer<typeof ClaimLink>;

/** The most links one claim may carry: a guard on stored and sent data, not a workflow limit. */
export const CLAIM_LINKS_MAX = 500;

export const NewClaimLinkInput = z
  .object({ from: ClaimRef, to: ClaimRef, kind: RelationKind })
  .refine((l) => l.from.id !== l.to.id, 'a claim cannot support or contradict itself');
export type NewClaimLinkInput = z.infer<typeof NewClaimLinkInput>;

/** Names one link: the claim it starts from, and the link's id. */
export const ClaimLinkRef = z.object({ from: ClaimRef, id: EntityId });
export type ClaimLinkRef = z.infer<typeof ClaimLinkRef>;
