import { z } from 'zod';
import { ClaimRow } from './claim-row';

const Count = z.int().nonnegative();

/** A run of rows of the grouped result: rows `[start, start + count)`. */
export const ClaimGroup = z.object({
  /** The class, the upper-case ticker ('' for the "No ticker" group) or the article id. */
  key: z.string(),
  label: z.string(),
  start: Count,
  count: Count,
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

const ClassCounts = { thesis: Count, risk: Count, evidence: Count };

/** The board's answer to a ClaimQuery. */
export const ClaimPage = z.object({
  /** Rows of the grouped result: a claim counts once per group it appears in. */
  total: Count,
  /** Distinct claims matching the filter. */
  claimCount: Count,
  /** Every group in order (not only those on this page); empty when not grouping. */
  groups: z.array(ClaimGroup),
  /** The rows `[offset, offset + limit)` of the grouped result. */
  rows: z.array(ClaimRow),
  /** Charts over all matching claims (not only this page). */
  overview: z.object({
    /** The 12 tickers with the most claims, most first. */
    byTicker: z.array(z.object({ ticker: z.string(), ...ClassCounts })),
    /** By month of publication, ascending, empty months between included as zeros. */
    timeline: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), ...ClassCounts })),
    /** Claims of undated articles, left out of the timeline. */
    undated: Count,
  }),
});
export type ClaimPage = z.infer<typeof ClaimPage>;
