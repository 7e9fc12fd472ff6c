import type { Yaml } from 'mdast';
import type { Memo } from '../domain/memo';
import type { ReportGenerator } from './report-input';
import { yamlFrontMatter } from './yaml-front-matter';

// Not trimmed: the front matter holds the memo's values exactly (the schema trims them already).
const orNull = (value: string | null | undefined): string | null => value || null;

/**
 * The memo's header as YAML front matter, for tools that index reports: every string
 * double-quoted on one line (see yamlFrontMatter), so no value can end the front matter
 * or start a key. Empty fields are null; the price target is a number with its currency
 * code beside it.
 */
export function memoFrontMatter(memo: Memo, generator: ReportGenerator): Yaml {
  const { header } = memo;
  return yamlFrontMatter([
    ['title', memo.title],
    ['company', orNull(header.company)],
    ['ticker', orNull(header.ticker)],
    ['recommendation', orNull(header.recommendation)],
    ['price_target', header.priceTarget?.amount ?? null],
    ['currency', header.priceTarget?.currency ?? null],
    ['horizon', orNull(header.horizon)],
    ['conviction', header.conviction],
    ['author', orNull(header.author)],
    ['date', header.date],
    ['memo_id', memo.id],
    ['generator', `${generator.name} ${generator.version}`],
  ]);
}
