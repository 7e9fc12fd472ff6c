import { createHash } from 'node:crypto';
import { companyCatalog } from '../../../../shared/companies/company-catalog';
import { detectCompanies } from '../../../../shared/companies/detect-companies';
import type { DetectedCompany, WatchlistEntry } from '../../../../shared/domain/company';

/** Most tickers an article holds (the summary's limit). */
const MAX_TICKERS = 50;
/** Most companies kept per article: the most mentioned ones. */
const MAX_COMPANIES = 100;

export interface CompanyDetection {
  companies: DetectedCompany[];
  /** The listed and watchlist companies' tickers, most mentioned first. */
  tickers: string[];
}

export interface CompanyDetector {
  /**
   * Names this detector: the bundled lists and the watchlist. An article detected with
   * another stamp is detected again, so a new watchlist entry reaches older articles.
   */
  readonly stamp: string;
  detect(text: string): CompanyDetection;
}

/** Bump when detection's rules change, so every article is detected again. */
const DETECTION_RULES = 1;

const catalogHash = createHash('sha1')
  .update(JSON.stringify(companyCatalog))
  .digest('hex')
  .slice(0, 12);

export function companyDetector(watchlist: readonly WatchlistEntry[]): CompanyDetector {
  const watchlistHash = createHash('sha1')
    .update(JSON.stringify(watchlist))
    .digest('hex')
    .slice(0, 12);
  return {
    stamp: `rules-${DETECTION_RULES}/catalog-${catalogHash}/watchlist-${watchlistHash}`,
    detect(text) {
      const companies = detectCompanies(text, { watchlist }).slice(0, MAX_COMPANIES);
      const tickers = [
        ...new Set(companies.flatMap((c) => (c.ticker && c.kind !== 'private' ? [c.ticker] : []))),
      ].slice(0, MAX_TICKERS);
      return { companies, tickers };
    },
  };
}
