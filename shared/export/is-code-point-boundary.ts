const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether UTF-16 offset `at` lies inside `text` and between two characters, not in a surrogate pair. */
export function isCodePointBoundary(text: string, at: number): boolean {
  if (!Number.isInteger(at) || at < 0 || at > text.length) return false;
  return (
    at === 0 ||
    at === text.length ||
    !(isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at)))
  );
}
