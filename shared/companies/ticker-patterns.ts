import { exchangeCodes } from './stock-exchanges';

/** A `$TICKER` cashtag or an `EXCHANGE: TICKER` listing found in a text. */
export interface TickerPattern {
  readonly start: number;
  readonly end: number;
  /** As written (case kept: a lowercase cashtag only counts for a known ticker). */
  readonly ticker: string;
  /** Normalised exchange name; null for a cashtag. */
  readonly exchange: string | null;
  /**
   * A cashtag or a parenthesised listing ("(NYSE: KO)"): deliberate enough to report even a
   * ticker Margin does not know. A bare "Nasdaq: AI" in prose counts only for known tickers.
   */
  readonly explicit: boolean;
}

const CASHTAG = String.raw`(?<![\p{L}\p{N}$])\$([A-Za-z][A-Za-z0-9]{0,5}(?:\.[A-Za-z]{1,2})?)(?![\p{L}\p{N}])`;

// Longest code first so "NYSE American" wins over "NYSE".
const CODES = [...exchangeCodes.keys()]
  .sort((a, b) => b.length - a.length)
  .map((code) => code.replace(/ /g, String.raw`\s+`))
  .join('|');

const LISTING = String.raw`(?<![\p{L}\p{N}])(${CODES})\s*:\s*([A-Z0-9]{1,10}(?:[.\-][A-Z0-9]{1,4})?)(?![\p{L}\p{N}])`;

// Compiled once: every call only resets lastIndex.
const PATTERN = new RegExp(`${CASHTAG}|${LISTING}`, 'gu');
const RUNS_OF_SPACE = /\s+/g;
/** "(NYSE: KO)", "(NASDAQ: GOOGL; NYSE: X)". */
const OPENS_LIST = /[([;]\s*$/;

/** Every cashtag and exchange listing in `text`, in order of appearance. */
export function findTickerPatterns(text: string): TickerPattern[] {
  const found: TickerPattern[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) {
    const [whole, cashtag, code, listed] = m;
    const start = m.index;
    const end = start + whole.length;
    if (cashtag !== undefined) {
      found.push({ start, end, ticker: cashtag, exchange: null, explicit: true });
    } else if (code !== undefined && listed !== undefined) {
      const exchange = exchangeCodes.get(code.replace(RUNS_OF_SPACE, ' ')) ?? null;
      const before = OPENS_LIST.test(text.slice(Math.max(0, start - 3), start));
      found.push({ start, end, ticker: listed, exchange, explicit: before });
    }
  }
  return found;
}
