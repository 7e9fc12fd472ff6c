const OTHER = 0;
const SPACE = 1;
const INVISIBLE = 2;
const SINGLE_QUOTE = 3;
const DOUBLE_QUOTE = 4;
const MARK = 5;

/** What folding does with each code unit, as ranges [first, last, kind]. */
const FOLDED_UNITS: readonly (readonly [number, number, number])[] = [
  [0x09, 0x0d, SPACE],
  [0x20, 0x20, SPACE],
  [0x85, 0x85, SPACE],
  [0xa0, 0xa0, SPACE],
  [0x1680, 0x1680, SPACE],
  [0x2000, 0x200a, SPACE],
  [0x2028, 0x2029, SPACE],
  [0x202f, 0x202f, SPACE],
  [0x205f, 0x205f, SPACE],
  [0x3000, 0x3000, SPACE],
  // The invisible characters normalizeArticleText removes, in case a text kept some.
  [0xad, 0xad, INVISIBLE],
  [0x200b, 0x200b, INVISIBLE],
  [0x2060, 0x2060, INVISIBLE],
  [0xfeff, 0xfeff, INVISIBLE],
  [0x2bc, 0x2bc, SINGLE_QUOTE], // ʼ
  [0x2018, 0x201b, SINGLE_QUOTE], // ‘ ’ ‚ ‛
  [0x2032, 0x2032, SINGLE_QUOTE], // ′
  [0x2039, 0x203a, SINGLE_QUOTE], // ‹ ›
  [0xab, 0xab, DOUBLE_QUOTE], // «
  [0xbb, 0xbb, DOUBLE_QUOTE], // »
  [0x201c, 0x201f, DOUBLE_QUOTE], // “ ” „ ‟
  [0x2033, 0x2033, DOUBLE_QUOTE], // ″
  // Combining marks NFD splits off and NFC composes back, from the Unicode data of the BMP
  // (Latin, Greek and Cyrillic diacritics, Arabic maddah and hamza, Indic nukta and vowel
  // parts, Hangul jamo, kana voicing marks), plus the other diacritic blocks.
  [0x300, 0x36f, MARK],
  [0x653, 0x655, MARK],
  ...[0x93c, 0x9be, 0x9d7, 0xb3e, 0xb56, 0xb57, 0xbbe, 0xbd7, 0xc56, 0xcc2, 0xcd5, 0xcd6].map(
    (c) => [c, c, MARK] as const,
  ),
  ...[0xd3e, 0xd57, 0xdca, 0xdcf, 0xddf, 0x102e, 0x1b35].map((c) => [c, c, MARK] as const),
  [0x1161, 0x1175, MARK],
  [0x11a8, 0x11c2, MARK],
  [0x1ab0, 0x1aff, MARK],
  [0x1dc0, 0x1dff, MARK],
  [0x20d0, 0x20ff, MARK],
  [0x3099, 0x309a, MARK],
  [0xfe20, 0xfe2f, MARK],
];

const KIND = new Uint8Array(0x10000);
for (const [first, last, kind] of FOLDED_UNITS) KIND.fill(kind, first, last + 1);

const isBlank = (c: number) => KIND[c] === SPACE || KIND[c] === INVISIBLE;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Folds `text`, telling `changedLength` about every fold that changes the length: its real
 * range and the folded range it became. A run of whitespace and invisible characters
 * becomes one space (or nothing, if all invisible); marks compose with the character just
 * before them unless that character is itself the result of a fold.
 */
function foldText(
  text: string,
  changedLength?: (
    realStart: number,
    realEnd: number,
    foldedStart: number,
    foldedEnd: number,
  ) => void,
): string {
  let parts: string[] | null = null; // only once something folds
  let copied = 0;
  let foldedLength = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const kind = KIND[c]!;
    // Most characters fold to themselves, and so does a space between words.
    if (kind === OTHER || (c === 0x20 && !isBlank(text.charCodeAt(i + 1)))) continue;
    let from = i;
    let end = from + 1;
    let to: string;
    if (kind === SINGLE_QUOTE) to = "'";
    else if (kind === DOUBLE_QUOTE) to = '"';
    else if (kind === MARK) {
      while (end < n && KIND[text.charCodeAt(end)] === MARK) end++;
      if (from === copied) {
        i = end - 1; // no base of its own: the marks stay as they are
        continue;
      }
      from -= from - 1 > copied && isLow(text.charCodeAt(from - 1)) ? 2 : 1;
      to = text.slice(from, end).normalize('NFC');
    } else {
      let spaces = kind === SPACE;
      for (; end < n && isBlank(text.charCodeAt(end)); end++) {
        spaces ||= KIND[text.charCodeAt(end)] === SPACE;
      }
      to = spaces ? ' ' : '';
    }
    parts ??= [];
    parts.push(text.slice(copied, from), to);
    foldedLength += from - copied;
    // Composing may reorder marks without changing the length: map that segment as a whole.
    if (to.length !== end - from || (kind === MARK && to !== text.slice(from, end)))
      changedLength?.(from, end, foldedLength, foldedLength + to.length);
    foldedLength += to.length;
    copied = end;
    i = end - 1;
  }
  if (parts === null) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * A text folded for matching, with maps back to the real text. Folding undoes the edits
 * that change how words look but not which words they are: NFD → NFC, Unicode spaces and
 * runs of whitespace → one space, curly and angle quotes → straight ones, invisible
 * characters dropped. Matches are found in `folded`; anchors are always offsets in the
 * real text, via `realRange`.
 *
 * Only the places where folding changes the length are recorded (runs of whitespace,
 * invisible characters, composed marks: hundreds in a long article, not one entry per
 * character); offsets between them map one to one.
 */
export class MatchingText {
  /** Per length-changing fold, in order: its folded range and its real range. */
  private readonly foldedStarts: number[] = [];
  private readonly foldedEnds: number[] = [];
  private readonly realStarts: number[] = [];
  private readonly realEnds: number[] = [];
  readonly folded: string;

  constructor(readonly text: string) {
    this.folded = foldText(text, (realStart, realEnd, foldedStart, foldedEnd) => {
      this.realStarts.push(realStart);
      this.realEnds.push(realEnd);
      this.foldedStarts.push(foldedStart);
      this.foldedEnds.push(foldedEnd);
    });
  }

  /** The last recorded fold starting at or before `offset` in `starts`, or -1. */
  private static last(starts: readonly number[], offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /** Where the real code units behind folded unit `f` start. */
  private realStartOf(f: number): number {
    const i = MatchingText.last(this.foldedStarts, f);
    if (i === -1) return f;
    if (f < this.foldedEnds[i]!) return this.realStarts[i]!;
    return this.realEnds[i]! + f - this.foldedEnds[i]!;
  }

  /** The real range behind the folded range [start, end) (end > start). */
  realRange(start: number, end: number): { start: number; end: number } {
    const last = end - 1;
    const i = MatchingText.last(this.foldedStarts, last);
    const realEnd =
      i !== -1 && last < this.foldedEnds[i]! ? this.realEnds[i]! : this.realStartOf(last) + 1;
    return { start: this.realStartOf(start), end: realEnd };
  }

  /** The folded offset a real offset (0…length) falls into: a position hint. */
  foldedOffset(real: number): number {
    const i = MatchingText.last(this.realStarts, real);
    if (i === -1) return real;
    if (real < this.realEnds[i]!) return this.foldedStarts[i]!;
    return this.foldedEnds[i]! + real - this.realEnds[i]!;
  }
}

/** Folds `text` once for matching, keeping the maps back to it. */
export function matchingText(text: string): MatchingText {
  return new MatchingText(text);
}

/** Folds a quote, prefix or suffix exactly as `matchingText` folds the article. */
export function foldForMatching(text: string): string {
  return foldText(text);
}
