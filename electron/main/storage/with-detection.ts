import type { ArticleSummary } from '../../../shared/domain/article';
import type { CompanyDetection } from './articles-repo';

/**
 * The summary with what company detection found: its companies and stamp, and its
 * tickers, unless the analyst set those by hand.
 */
export function withDetection(summary: ArticleSummary, found: CompanyDetection): ArticleSummary {
  return {
    ...summary,
    companies: found.companies,
    companiesStamp: found.stamp,
    tickers: summary.tickersByAnalyst ? summary.tickers : found.tickers,
  };
}
