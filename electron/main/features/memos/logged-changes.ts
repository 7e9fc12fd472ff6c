import type {
  ConvictionChange,
  LoggedField,
  MemoHeader,
  PriceTarget,
} from '../../../../shared/domain/memo';

const priceTarget = (target: PriceTarget | null) =>
  target ? `${target.currency} ${target.amount}` : '';

/** Each logged field as the analyst reads it ("Hold", "USD 520", "medium"); "" when unset. */
const READABLE: { [F in LoggedField]: (header: MemoHeader) => string } = {
  recommendation: (header) => header.recommendation ?? '',
  priceTarget: (header) => priceTarget(header.priceTarget),
  conviction: (header) => header.conviction ?? '',
};

/** The recommendation, price target and conviction changes between two headers. */
export function loggedChanges(before: MemoHeader, after: MemoHeader): ConvictionChange[] {
  return (Object.keys(READABLE) as LoggedField[]).flatMap((field) => {
    const from = READABLE[field](before);
    const to = READABLE[field](after);
    return from === to ? [] : [{ field, from, to }];
  });
}
