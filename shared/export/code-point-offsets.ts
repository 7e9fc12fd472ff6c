import { isCodePointBoundary } from './is-code-point-boundary';

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * Converts UTF-16 offsets (JavaScript string indices, what Margin stores) into code point
 * offsets (what the W3C TextPositionSelector counts), in one pass over the text however
 * many offsets there are. A lone surrogate counts as one code point, as `[...text]` does.
 * Throws a RangeError for an offset outside the text or inside a surrogate pair: no code
 * point offset describes it honestly.
 */
export function codePointOffsets(text: string, offsets: readonly number[]): number[] {
  for (const at of offsets) {
    if (!isCodePointBoundary(text, at)) {
      throw new RangeError(`offset ${at} is not between two characters of the text`);
    }
  }
  const order = offsets.map((_, index) => index).sort((a, b) => offsets[a]! - offsets[b]!);
  const converted = new Array<number>(offsets.length);
  let unit = 0;
  let points = 0;
  for (const index of order) {
    const target = offsets[index]!;
    while (unit < target) {
      const pair = isHigh(text.charCodeAt(unit)) && isLow(text.charCodeAt(unit + 1));
      unit += pair ? 2 : 1;
      points += 1;
    }
    converted[index] = points;
  }
  return converted;
}
