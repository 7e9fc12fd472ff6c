import type { ClaimIndex } from './claim-index';
import type { ClaimPage } from './claim-page';
import { compareCodeUnits } from './compare-code-units';
import { monthIndex, monthKey } from './month-index';

export type ClaimsOverview = ClaimPage['overview'];

const TOP_TICKERS = 12;

const classCounts = (counts: Int32Array, code: number) => ({
  thesis: counts[code * 3]!,
  risk: counts[code * 3 + 1]!,
  evidence: counts[code * 3 + 2]!,
});
const total = (counts: Int32Array, code: number) =>
  counts[code * 3]! + counts[code * 3 + 1]! + counts[code * 3 + 2]!;

/**
 * The board's charts over the matching claims, by ticker and by month of publication,
 * summed from `perArticle` (countByArticle): one visit per article, none per claim.
 */
export function summarizeClaims(index: ClaimIndex, perArticle: Int32Array): ClaimsOverview {
  const { tickerStart, tickerCodes, monthOf } = index.views;
  // Counts per (code, class), class codes 0..2 in CLASS_ORDER.
  const tickerCounts = new Int32Array(index.tickers.size * 3);
  const monthCounts = new Int32Array(index.months.size * 3);
  let undated = 0;
  for (let article = 0; article < index.articles.length; article++) {
    if (total(perArticle, article) === 0) continue;
    for (let k = tickerStart[article]!; k < tickerStart[article + 1]!; k++) {
      for (let c = 0; c < 3; c++)
        tickerCounts[tickerCodes[k]! * 3 + c]! += perArticle[article * 3 + c]!;
    }
    const month = monthOf[article]!;
    if (month < 0) undated += total(perArticle, article);
    else for (let c = 0; c < 3; c++) monthCounts[month * 3 + c]! += perArticle[article * 3 + c]!;
  }

  const tickers: number[] = [];
  for (let code = 0; code < index.tickers.size; code++) {
    if (total(tickerCounts, code) > 0) tickers.push(code);
  }
  tickers.sort(
    (a, b) =>
      total(tickerCounts, b) - total(tickerCounts, a) ||
      compareCodeUnits(index.tickers.value(a), index.tickers.value(b)),
  );
  const byTicker = tickers.slice(0, TOP_TICKERS).map((code) => ({
    ticker: index.tickers.value(code),
    ...classCounts(tickerCounts, code),
  }));

  const present = new Map<number, number>();
  let first = Infinity;
  let last = -Infinity;
  for (let code = 0; code < index.months.size; code++) {
    if (total(monthCounts, code) === 0) continue;
    const month = monthIndex(index.months.value(code));
    present.set(month, code);
    first = Math.min(first, month);
    last = Math.max(last, month);
  }
  const timeline: ClaimsOverview['timeline'] = [];
  for (let month = first; month <= last; month++) {
    const code = present.get(month);
    timeline.push({
      month: monthKey(month),
      ...(code === undefined
        ? { thesis: 0, risk: 0, evidence: 0 }
        : classCounts(monthCounts, code)),
    });
  }
  return { byTicker, timeline, undated };
}
