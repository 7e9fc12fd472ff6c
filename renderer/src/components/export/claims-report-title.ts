import type { ClaimFilter } from '../../../../shared/claims/claim-query';
import { classLabel } from '../../lib/claim-classes';

/**
 * A title for the board's selection that says what it holds: "Risk claims on MSFT",
 * "Thesis and evidence claims", "Claims on SAP.DE and MSFT"; "Claims" when unfiltered.
 */
export function claimsReportTitle(filter: ClaimFilter): string {
  const classes = filter.classes ?? [];
  const what =
    classes.length === 0 || classes.length === 3
      ? 'Claims'
      : `${classes.map((c, i) => (i === 0 ? classLabel(c) : classLabel(c).toLowerCase())).join(' and ')} claims`;
  const tickers = filter.tickers ?? [];
  return tickers.length > 0 ? `${what} on ${tickers.join(' and ')}` : what;
}
