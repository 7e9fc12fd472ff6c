import type { ClaimFilter } from '../../../../shared/claims/claim-query';
import { classLabel } from '../../lib/claim-classes';
import { languageName } from '../../lib/language';

export interface FilterChip {
  key: string;
  label: string;
  without: ClaimFilter;
}

/** Every value a filter holds, as a chip that removes that value alone. */
export function chipsOf(
  filter: ClaimFilter,
  names: { tag(id: string): string; article(id: string): string },
): FilterChip[] {
  const chips: FilterChip[] = [];
  const list = <
    K extends 'classes' | 'tagIds' | 'articleIds' | 'sources' | 'tickers' | 'languages',
  >(
    key: K,
    label: (value: string) => string,
  ) => {
    const values = (filter[key] ?? []) as string[];
    for (const value of values) {
      chips.push({
        key: `${key}:${value}`,
        label: label(value),
        without: { ...filter, [key]: values.filter((v) => v !== value) },
      });
    }
  };
  list('classes', (v) => `Class: ${classLabel(v as 'thesis')}`);
  list('tickers', (v) => `Ticker: ${v}`);
  list('tagIds', (v) => `Tag: ${names.tag(v)}`);
  list('sources', (v) => `Source: ${v}`);
  list('articleIds', (v) => `Article: ${names.article(v)}`);
  list('languages', (v) => `Language: ${languageName(v)}`);
  for (const [key, what] of [
    ['published', 'Published'],
    ['created', 'Highlighted'],
  ] as const) {
    const range = filter[key];
    if (range?.from) {
      chips.push({
        key: `${key}:from`,
        label: `${what} from ${range.from}`,
        without: { ...filter, [key]: { ...range, from: undefined } },
      });
    }
    if (range?.to) {
      chips.push({
        key: `${key}:to`,
        label: `${what} until ${range.to}`,
        without: { ...filter, [key]: { ...range, to: undefined } },
      });
    }
  }
  if (filter.hasNote !== undefined) {
    chips.push({
      key: 'hasNote',
      label: filter.hasNote ? 'With a note' : 'Without a note',
      without: { ...filter, hasNote: undefined },
    });
  }
  if (filter.orphaned !== undefined) {
    chips.push({
      key: 'orphaned',
      label: filter.orphaned ? 'Only orphans' : 'No orphans',
      without: { ...filter, orphaned: undefined },
    });
  }
  return chips;
}
