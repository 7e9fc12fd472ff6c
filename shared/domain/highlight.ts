import { z } from 'zod';
import { EntityId, IsoDateTime } from './primitives';

/** The three classes of claim; user tags come on top. */
export const ClaimClass = z.enum(['thesis', 'risk', 'evidence']);
export type ClaimClass = z.infer<typeof ClaimClass>;

/** W3C Web Annotation selectors: the exact words plus context, and their position. */
export const HighlightSelectors = z.object({
  quote: z.object({
    exact: z.string().min(1),
    prefix: z.string().max(32),
    suffix: z.string().max(32),
  }),
  position: z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() }),
});
export type HighlightSelectors = z.infer<typeof HighlightSelectors>;

/** A highlighted claim in one article, stored in that article's annotations file. */
export const Highlight = z.object({
  id: EntityId,
  articleId: EntityId,
  selectors: HighlightSelectors,
  claimClass: ClaimClass,
  tags: z.array(z.string().min(1)),
  note: z.string(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Highlight = z.infer<typeof Highlight>;
