import type { ClaimClass } from '../domain/highlight';

/*
 * What the Markdown reports are made from. Main builds these from the library (and, for
 * a claim or article deleted since a memo cited it, from the citation's snapshot); the
 * serializers in this folder are pure functions of them, so the same input always gives
 * the same bytes.
 */

/** The article a claim comes from, as footnotes and the Sources list describe it. */
export interface ReportSource {
  articleId: string;
  title: string;
  /** The publisher ("Handelsblatt"). */
  publisher: string | null;
  author: string | null;
  /** `YYYY-MM-DD`. */
  publishedAt: string | null;
  url: string | null;
  /** The imported file's name, for an article that came from a file. */
  fileName: string | null;
  /** ISO 639 code of the article's language ("de"); "und" when unknown. */
  language: string;
  /** False for an article deleted since it was cited: only the citation's snapshot describes it. */
  inLibrary: boolean;
}

/**
 * How a claim stands: `ok`; `orphaned` (its words are no longer in the article's current
 * text); `deleted` (the highlight is gone, and the memo's snapshot stands in for it).
 */
export type ReportClaimState = 'ok' | 'orphaned' | 'deleted';

/** A claim as a report shows it. */
export interface ReportClaim {
  highlightId: string;
  articleId: string;
  quote: string;
  claimClass: ClaimClass;
  /** The analyst's paraphrase or translation; "" when none. */
  paraphrase: string;
  /** "¶4", or "p. 3" for a PDF. */
  locator: string | null;
  state: ReportClaimState;
  /** The names of its tags (codebook paths such as "Sector/Cloud"), sorted. */
  tags: readonly string[];
  /** The analyst's note; "" when none. */
  note: string;
}

/** Names the program in the front matter ("Margin 0.1.0"). */
export interface ReportGenerator {
  name: string;
  version: string;
}
