const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Per BMP code unit: 0 not yet seen, 1 letter/mark/digit, 2 anything else. */
const kinds = new Uint8Array(0x10000);

/** Length (0, 1, or 2 for an astral letter) of the word character at `index`. */
function wordCharLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0x80) {
    const lower = code | 0x20;
    return (code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a) ? 1 : 0;
  }
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(index) ?? code;
    return WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
  }
  let kind = kinds[code] ?? 0;
  if (kind === 0) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    kinds[code] = kind;
  }
  return kind === 1 ? 1 : 0;
}

/**
 * The words (runs of Unicode letters, marks and digits) of a text, as offsets. Scanned by
 * hand into typed arrays: a regex match object and a string per word made a 150,000-character
 * article cost tens of milliseconds; this costs one or two.
 */
export class WordSpans {
  readonly count: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(readonly text: string) {
    // A word takes at least one character and a separator: half the length is an upper bound.
    const capacity = (text.length >> 1) + 1;
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    let count = 0;
    let i = 0;
    while (i < text.length) {
      const length = wordCharLength(text, i);
      if (length === 0) {
        i++;
        continue;
      }
      this.starts[count] = i;
      i += length;
      for (let next = wordCharLength(text, i); next > 0; next = wordCharLength(text, i)) {
        i += next;
      }
      this.ends[count] = i;
      count++;
    }
    this.count = count;
  }

  static isWordAt(text: string, index: number): boolean {
    return index >= 0 && index < text.length && wordCharLength(text, index) > 0;
  }

  start(index: number): number {
    return index >= 0 && index < this.count ? (this.starts[index] ?? 0) : this.text.length;
  }

  end(index: number): number {
    return index >= 0 && index < this.count ? (this.ends[index] ?? 0) : 0;
  }

  word(index: number): string | undefined {
    return index >= 0 && index < this.count
      ? this.text.slice(this.start(index), this.end(index))
      : undefined;
  }

  /** The text between two words (`from` before `to`). */
  gap(from: number, to: number): string {
    return this.text.slice(this.end(from), this.start(to));
  }

  /** Index of the first word starting at or after `position` (`count` when none does). */
  indexAt(position: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.start(mid) < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
