import type { ClaimIndex } from './claim-index';
import type { ClaimPage } from './claim-page';
import type { ClaimGroupBy } from './claim-query';
import { CLASS_ORDER } from './class-order';
import { compareCodeUnits } from './compare-code-units';
import type { ReusableBuffer } from './reusable-buffer';

export type ClaimGroups = ClaimPage['groups'];

export interface GroupedClaims {
  /** Claim slots of the grouped result, group after group; a claim may appear in several. */
  slots: Int32Array;
  groups: ClaimGroups;
}

const CLASS_LABELS = { thesis: 'Thesis', risk: 'Risk', evidence: 'Evidence' } as const;
const NO_TICKER_LABEL = 'No ticker';

interface GroupPlan {
  /** Claims per group code. */
  counts: ArrayLike<number>;
  /** Group codes in display order; codes with no claims are skipped. */
  order: readonly number[];
  describe: (code: number) => { key: string; label: string };
}

/** Groups from counts, and a cursor per group code at the group's first row. */
function startGroups(plan: GroupPlan): { groups: ClaimGroups; cursor: Int32Array; total: number } {
  const cursor = new Int32Array(plan.counts.length);
  const groups: ClaimGroups = [];
  let start = 0;
  for (const code of plan.order) {
    const count = plan.counts[code]!;
    if (count === 0) continue;
    cursor[code] = start;
    const { key, label } = plan.describe(code);
    groups.push({ key, label, start, count });
    start += count;
  }
  return { groups, cursor, total: start };
}

/** A counting sort by one group code per claim, keeping the sort within each group. */
function bySingleCode(
  ordered: Int32Array,
  codeOf: (slot: number) => number,
  plan: GroupPlan,
  buffers: ReusableBuffer<Int32Array>,
): GroupedClaims {
  const { groups, cursor, total } = startGroups(plan);
  const slots = buffers.take(total);
  for (let i = 0; i < ordered.length; i++) {
    const slot = ordered[i]!;
    slots[cursor[codeOf(slot)]!++] = slot;
  }
  return { slots, groups };
}

function byClass(index: ClaimIndex, ordered: Int32Array, buffers: ReusableBuffer<Int32Array>) {
  const { classOf } = index.columns;
  const codeOf = (slot: number) => classOf[slot]!;
  const counts = new Int32Array(CLASS_ORDER.length);
  for (let i = 0; i < ordered.length; i++) counts[codeOf(ordered[i]!)]!++;
  const plan: GroupPlan = {
    counts,
    order: CLASS_ORDER.map((_, code) => code),
    describe: (code) => ({ key: CLASS_ORDER[code]!, label: CLASS_LABELS[CLASS_ORDER[code]!] }),
  };
  return bySingleCode(ordered, codeOf, plan, buffers);
}

/** Articles in the order their first claim appears: the sort decides the group order. */
function byArticle(index: ClaimIndex, ordered: Int32Array, buffers: ReusableBuffer<Int32Array>) {
  const { articleOf } = index.columns;
  const groupOfArticle = new Int32Array(index.articles.length).fill(-1);
  const articleOfGroup: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const article = articleOf[ordered[i]!]!;
    let code = groupOfArticle[article]!;
    if (code === -1) {
      code = articleOfGroup.length;
      groupOfArticle[article] = code;
      articleOfGroup.push(article);
      counts.push(0);
    }
    counts[code]!++;
  }
  const plan: GroupPlan = {
    counts,
    order: articleOfGroup.map((_, code) => code),
    describe: (code) => {
      const article = index.articles[articleOfGroup[code]!]!;
      return { key: article.id, label: article.meta.articleTitle };
    },
  };
  return bySingleCode(ordered, (slot) => groupOfArticle[articleOf[slot]!]!, plan, buffers);
}

/**
 * Tickers in code-unit order, then "No ticker" (code `size`) last. A claim appears once
 * under each of its article's tickers. Counts come from the per-article counts.
 */
function byTicker(
  index: ClaimIndex,
  ordered: Int32Array,
  perArticle: Int32Array,
  buffers: ReusableBuffer<Int32Array>,
) {
  const none = index.tickers.size;
  const { tickerStart, tickerCodes } = index.views;
  const counts = new Int32Array(none + 1);
  for (let article = 0; article < index.articles.length; article++) {
    const claims =
      perArticle[article * 3]! + perArticle[article * 3 + 1]! + perArticle[article * 3 + 2]!;
    if (claims === 0) continue;
    const from = tickerStart[article]!;
    const to = tickerStart[article + 1]!;
    if (from === to) counts[none]! += claims;
    for (let k = from; k < to; k++) counts[tickerCodes[k]!]! += claims;
  }
  const present: number[] = [];
  for (let code = 0; code < none; code++) if (counts[code]! > 0) present.push(code);
  present.sort((a, b) => compareCodeUnits(index.tickers.value(a), index.tickers.value(b)));
  const { groups, cursor, total } = startGroups({
    counts,
    order: [...present, none],
    describe: (code) => {
      if (code === none) return { key: '', label: NO_TICKER_LABEL };
      const ticker = index.tickers.value(code);
      return { key: ticker, label: ticker };
    },
  });
  const slots = buffers.take(total);
  const { articleOf } = index.columns;
  for (let i = 0; i < ordered.length; i++) {
    const slot = ordered[i]!;
    const article = articleOf[slot]!;
    const from = tickerStart[article]!;
    const to = tickerStart[article + 1]!;
    if (from === to) slots[cursor[none]!++] = slot;
    for (let k = from; k < to; k++) slots[cursor[tickerCodes[k]!]!++] = slot;
  }
  return { slots, groups };
}

/**
 * Groups the matching claims (already in sort order) as `groupBy` asks; `perArticle` is
 * countByArticle of the same claims. The slots live in buffers: read them before the next
 * query.
 */
export function groupClaims(
  index: ClaimIndex,
  ordered: Int32Array,
  perArticle: Int32Array,
  groupBy: ClaimGroupBy,
  buffers: ReusableBuffer<Int32Array>,
): GroupedClaims {
  switch (groupBy) {
    case 'none':
      return { slots: ordered, groups: [] };
    case 'class':
      return byClass(index, ordered, buffers);
    case 'ticker':
      return byTicker(index, ordered, perArticle, buffers);
    case 'article':
      return byArticle(index, ordered, buffers);
  }
}
