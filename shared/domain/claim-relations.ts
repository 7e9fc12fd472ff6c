import { z } from 'zod';
import { ClaimRow } from '../claims/claim-row';
import { RelationKind } from './claim-relation';
import { EntityId, IsoDateTime } from './primitives';

/** The claim at the other end of a link, with the link itself. */
export const RelatedClaim = z.object({
  linkId: EntityId,
  kind: RelationKind,
  createdAt: IsoDateTime,
  claim: ClaimRow,
});
export type RelatedClaim = z.infer<typeof RelatedClaim>;

/**
 * A claim's links, newest first: `to` are the thesis claims it supports or contradicts
 * (links it holds), `from` the claims that support or contradict it (links held by them).
 */
export const ClaimRelations = z.object({
  to: z.array(RelatedClaim),
  from: z.array(RelatedClaim),
});
export type ClaimRelations = z.infer<typeof ClaimRelations>;
