import type { ConvictionChange, LoggedField, MemoHeader, PriceTarget } from '../domain/memo';

/** The scale Margin offers until the analyst sets their own in settings, best first. */
export const DEFAULT_RECOMMENDATION_SCALE: readonly string[] = [
  'Buy',
  'Overweight',
  'Hold',
  'Underweight',
  'Sell',
];

/** "USD 520" (amounts as typed, no grouping, so the log reads the same everywhere). */
export const formatPriceTarget = (target: PriceTarget | null): string =>
  target ? `${target.currency} ${target.amount}` : '';

/** Each logged field as the analyst reads it ("Hold", "USD 520", "medium"); "" when unset. */
const READABLE: { [F in LoggedField]: (header: MemoHeader) => string } = {
  recommendation: (header) => header.recommendation ?? '',
  priceTarget: (header) => formatPriceTarget(header.priceTarget),
  conviction: (header) => header.conviction ?? '',
};

export const LOGGED_FIELD_LABEL: { [F in LoggedField]: string } = {
  recommendation: 'Recommendation',
  priceTarget: 'Price target',
  conviction: 'Conviction',
};

/**
 * The recommendation, price target and conviction changes between two headers: what the
 * conviction log records (main) and what the "why did your view change" dialog shows.
 */
export function loggedChanges(before: MemoHeader, after: MemoHeader): ConvictionChange[] {
  return (Object.keys(READABLE) as LoggedField[]).flatMap((field) => {
    const from = READABLE[field](before);
    const to = READABLE[field](after);
    return from === to ? [] : [{ field, from, to }];
  });
}
