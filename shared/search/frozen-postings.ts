import type { PostingBuffer } from './posting-buffer';

/**
 * An immutable set of posting lists: terms sorted by UTF-16 code units (so a prefix is a
 * contiguous range, found by binary search), and per term a run of varint pairs
 * (doc-number gap, packed field and tf) in `bytes` from offsets[t] to offsets[t + 1].
 * A term with postings in several fields of one doc has one entry per field, gap 0.
 */
export class FrozenPostings {
  static readonly empty = new FrozenPostings([], new Uint32Array(1), new Uint8Array(0), 0);

  constructor(
    readonly terms: readonly string[],
    readonly offsets: Uint32Array,
    readonly bytes: Uint8Array,
    /** Number of (doc, field) entries, to weigh merging against. */
    readonly entryCount: number,
  ) {}

  /** The first term index whose term is ≥ `term`. */
  lowerBound(term: string): number {
    const terms = this.terms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  indexOf(term: string): number {
    const at = this.lowerBound(term);
    return this.terms[at] === term ? at : -1;
  }

  /** The term indexes [from, to) of the terms starting with `prefix`. */
  prefixRange(prefix: string): [from: number, to: number] {
    const from = this.lowerBound(prefix);
    let to = from;
    const terms = this.terms;
    // Galloping then binary search: a short prefix can cover thousands of terms.
    let step = 1;
    while (to + step <= terms.length && terms[to + step - 1]!.startsWith(prefix)) {
      to += step;
      step *= 2;
    }
    let hi = Math.min(terms.length, to + step);
    while (to < hi) {
      const mid = (to + hi) >>> 1;
      if (terms[mid]!.startsWith(prefix)) to = mid + 1;
      else hi = mid;
    }
    return [from, to];
  }

  /** Size of a term's postings in bytes: a cheap cost estimate. */
  byteLength(term: number): number {
    return this.offsets[term + 1]! - this.offsets[term]!;
  }

  /** Appends the postings of term index `term` to `into`. */
  decodeInto(term: number, into: PostingBuffer): void {
    const bytes = this.bytes;
    let p = this.offsets[term]!;
    const end = this.offsets[term + 1]!;
    let doc = 0;
    while (p < end) {
      let b = bytes[p++]!;
      let gap = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[p++]!;
        gap |= (b & 0x7f) << shift;
      }
      b = bytes[p++]!;
      let pack = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = bytes[p++]!;
        pack |= (b & 0x7f) << shift;
      }
      doc += gap;
      into.push(doc, pack);
    }
  }
}
