import type { Conviction, MemoHeader, PriceTarget } from '../../../../shared/domain/memo';

export const CONVICTIONS: ReadonlyArray<{ value: Conviction; label: string }> = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];

export const formatPriceTarget = (target: PriceTarget | null): string =>
  target ? `${target.currency} ${target.amount.toLocaleString('en-US')}` : '';

/** The header fields whose change asks for a reason, as the log shows them. */
export function loggedChanges(
  before: MemoHeader,
  after: MemoHeader,
): Array<{ field: string; from: string; to: string }> {
  const changes: Array<{ field: string; from: string; to: string }> = [];
  if (before.recommendation !== after.recommendation) {
    changes.push({
      field: 'Recommendation',
      from: before.recommendation ?? '',
      to: after.recommendation ?? '',
    });
  }
  if (formatPriceTarget(before.priceTarget) !== formatPriceTarget(after.priceTarget)) {
    changes.push({
      field: 'Price target',
      from: formatPriceTarget(before.priceTarget),
      to: formatPriceTarget(after.priceTarget),
    });
  }
  if (before.conviction !== after.conviction) {
    changes.push({
      field: 'Conviction',
      from: before.conviction ?? '',
      to: after.conviction ?? '',
    });
  }
  return changes;
}
