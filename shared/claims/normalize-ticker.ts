/** Tickers compare case-insensitively: `msft` and `MSFT` are one ticker, shown upper-case. */
export function normalizeTicker(ticker: string): string {
  return ticker.trim().toUpperCase();
}
