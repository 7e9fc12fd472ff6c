import type { ArticleSummary } from '../../../../shared/domain/article';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { useUiStore } from '../../stores/ui-store';
import type { PaletteAction } from './palette-actions';

/** Most tickers offered at once. */
const MAX_TICKERS = 3;

/**
 * "Show claims on MSFT" for the library's tickers that start with what was typed (two
 * characters or more, any case): a ticker is a filter from anywhere.
 */
export function tickerActions(
  summaries: readonly ArticleSummary[],
  query: string,
): PaletteAction[] {
  const typed = query.trim().toUpperCase().replace(/^\$/, '');
  if (typed.length < 2 || /\s/.test(typed)) return [];
  const tickers = [...new Set(summaries.flatMap((a) => a.tickers.map((t) => t.toUpperCase())))]
    .filter((t) => t.startsWith(typed))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .slice(0, MAX_TICKERS);
  return tickers.map((ticker) => ({
    id: `ticker-${ticker}`,
    label: `Show claims on ${ticker}`,
    keywords: ticker,
    enabled: () => true,
    run: () => {
      useClaimsBoardStore.getState().replaceFilter({ tickers: [ticker] });
      useUiStore.getState().setView('claims');
    },
  }));
}
