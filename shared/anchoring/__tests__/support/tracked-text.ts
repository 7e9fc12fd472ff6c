/** A replacement of the current text's [from, to) by `insert`. */
export interface Replacement {
  from: number;
  to: number;
  insert: string;
}

/**
 * A text under edit that knows where each boundary of its original text went, so a test
 * can tell where a highlight's words are after any number of edits and transforms. Every
 * original offset is tracked twice: as the start of what follows it and as the end of
 * what precedes it, which an insertion exactly there tells apart.
 */
export class TrackedText {
  text: string;
  private readonly asStart: Int32Array;
  private readonly asEnd: Int32Array;

  constructor(readonly original: string) {
    this.text = original;
    this.asStart = Int32Array.from({ length: original.length + 1 }, (_, i) => i);
    this.asEnd = this.asStart.slice();
  }

  insert(at: number, words: string): void {
    this.apply([{ from: at, to: at, insert: words }]);
  }

  delete(from: number, to: number): void {
    this.apply([{ from, to, insert: '' }]);
  }

  /** Replaces every match of the global `pattern` at once (NFD, quotes, spaces…). */
  transform(pattern: RegExp, replace: (match: string) => string): void {
    const replacements: Replacement[] = [];
    for (const m of this.text.matchAll(pattern)) {
      const insert = replace(m[0]);
      if (insert !== m[0]) replacements.push({ from: m.index, to: m.index + m[0].length, insert });
    }
    this.apply(replacements);
  }

  /**
   * Applies sorted, non-overlapping replacements of the current text. A start inside a
   * replaced range moves to the replacement's start, an end inside it to its end (a
   * transformed character stays whole); an insertion at a boundary goes after a start and
   * before an end.
   */
  apply(replacements: readonly Replacement[]): void {
    const parts: string[] = [];
    let copied = 0;
    for (const r of replacements) {
      if (r.from < copied || r.to < r.from || r.to > this.text.length) {
        throw new Error(`replacements must be sorted and in the text: ${r.from}…${r.to}`);
      }
      parts.push(this.text.slice(copied, r.from), r.insert);
      copied = r.to;
    }
    parts.push(this.text.slice(copied));
    this.text = parts.join('');
    remap(this.asStart, replacements, true);
    remap(this.asEnd, replacements, false);
  }

  /** Where the original [start, end) is now. */
  map(start: number, end: number): { start: number; end: number } {
    return { start: this.asStart[start]!, end: this.asEnd[end]! };
  }
}

/** Moves boundaries (non-decreasing, in place) through the replacements. */
function remap(positions: Int32Array, replacements: readonly Replacement[], isStart: boolean) {
  let next = 0; // the first replacement not wholly before the current boundary
  let shift = 0; // the length change of the replacements wholly before it
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k]!;
    while (next < replacements.length) {
      const r = replacements[next]!;
      const before = r.from === r.to ? (isStart ? r.from <= p : r.from < p) : r.to < p;
      if (!before) break;
      shift += r.insert.length - (r.to - r.from);
      next++;
    }
    const r = replacements[next];
    if (r === undefined || p < r.from || (r.from === r.to && p === r.from)) {
      positions[k] = p + shift;
    } else if (p === r.from && !isStart) {
      positions[k] = p + shift; // an end at the replacement's start precedes it
    } else if (p === r.to && isStart) {
      positions[k] = r.from + shift + r.insert.length; // a start at its end follows it
    } else {
      positions[k] = r.from + shift + (isStart ? 0 : r.insert.length);
    }
  }
}
