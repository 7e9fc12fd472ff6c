import type { HighlightSelectors } from '../domain/highlight';
import { QUOTE_CONTEXT_CHARS } from '../domain/highlight-limits';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether offset `at` falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, at: number) =>
  isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

/**
 * The selectors of the highlight [start, end) in `text` (UTF-16 offsets): the exact words,
 * up to 32 code units of context each side (fewer rather than half a surrogate pair), and
 * the position. Throws RangeError for an empty, reversed or out-of-bounds range, or one
 * that splits a character.
 */
export function describeTextRange(text: string, start: number, end: number): HighlightSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`highlight offsets must be integers, got ${start}…${end}`);
  }
  if (start < 0 || end > text.length || end <= start) {
    throw new RangeError(`invalid highlight range ${start}…${end} in a text of ${text.length}`);
  }
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new RangeError(`highlight range ${start}…${end} splits a surrogate pair`);
  }
  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_CHARS);
  if (splitsPair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_CHARS);
  if (splitsPair(text, suffixEnd)) suffixEnd--;
  return {
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { start, end },
  };
}
