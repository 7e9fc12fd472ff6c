import type { z } from 'zod';
import { ClaimRow } from './claim-row';

/** The article fields every claim row of an article carries (changed by a metadata edit). */
export const ClaimArticleMeta = ClaimRow.pick({
  articleTitle: true,
  source: true,
  publishedAt: true,
  tickers: true,
  language: true,
});
export type ClaimArticleMeta = z.infer<typeof ClaimArticleMeta>;
