import { z } from 'zod';

/**
 * How Margin knows a company: from its bundled list of large listed companies, from its
 * short list of well-known private companies (no ticker), or from the analyst's watchlist.
 */
export const CompanyKind = z.enum(['listed', 'private', 'watchlist']);
export type CompanyKind = z.infer<typeof CompanyKind>;

/** A company found in an article's text. */
export const DetectedCompany = z.object({
  /** The company's usual name ("Microsoft", "Alphabet"). */
  name: z.string().min(1).max(200),
  /** The primary listing ("GOOGL"); null for a private company. */
  ticker: z.string().min(1).max(32).nullable(),
  /** Where that listing trades ("NASDAQ", "XETRA"); null when unknown or private. */
  exchange: z.string().min(1).max(32).nullable(),
  kind: CompanyKind,
  /** How often the text names it (any alias, `$TICKER` or exchange pattern). */
  mentions: z.int().positive(),
});
export type DetectedCompany = z.infer<typeof DetectedCompany>;

/** A company the analyst follows that the bundled list may not know (settings). */
export const WatchlistEntry = z.object({
  name: z.string().trim().min(1).max(200),
  ticker: z.string().trim().min(1).max(32),
  /** Other names the text may use ("Siemens Healthineers AG", "Healthineers"). */
  aliases: z.array(z.string().trim().min(2).max(200)).max(20),
});
export type WatchlistEntry = z.infer<typeof WatchlistEntry>;
