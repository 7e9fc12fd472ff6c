import type { Memo, NewMemoInput } from '../../../../shared/domain/memo';
import { MemoTitle } from '../../../../shared/domain/memo';
import { memoTemplateDoc } from '../../../../shared/memo/memo-template';

const TITLE_SUFFIX = ' investment memo';

/** "MSFT investment memo", "Siemens Healthineers investment memo", or "Investment memo". */
function defaultTitle(ticker: string | null, company: string): string {
  const name = ticker ?? company;
  if (!name) return 'Investment memo';
  const room = MemoTitle.maxLength! - TITLE_SUFFIX.length;
  return `${name.slice(0, room).trimEnd()}${TITLE_SUFFIX}`;
}

/**
 * A new memo from the template: a draft at version 0, dated today (UTC), with the header
 * fields the analyst gave and every other field empty.
 */
export function newMemo(input: NewMemoInput, id: string, now: Date): Memo {
  const stamp = now.toISOString();
  const ticker = input.ticker?.trim() || null;
  const company = input.company?.trim() ?? '';
  return {
    id,
    title: input.title?.trim() || defaultTitle(ticker, company),
    status: 'draft',
    header: {
      company,
      ticker,
      recommendation: null,
      priceTarget: null,
      horizon: '',
      conviction: null,
      author: input.author?.trim() ?? '',
      date: stamp.slice(0, 10),
    },
    doc: memoTemplateDoc(),
    convictionLog: [],
    createdAt: stamp,
    updatedAt: stamp,
    version: 0,
  };
}
