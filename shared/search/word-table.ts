import { foldTermForms } from './fold-term';

/** Spellings remembered; past this the table starts afresh (numbers alone are endless). */
const MAX_WORDS = 1 << 20;

/**
 * Raw spelling → the term ids of its folded forms, looked up straight from a span of the
 * text: hashing the code units in place and comparing them to the remembered spelling
 * avoids slicing a string per word and hashing it again in a Map, which was most of the
 * cost of indexing. Open addressing, linear probing, load ≤ 1/2.
 */
export class WordTable {
  /** Per entry: id of the first folded form, and of the second (-1 if none). */
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  private words: string[] = [];
  private hashes = new Int32Array(1024);
  /** Per slot: entry index + 1, or 0 if free. */
  private slots = new Int32Array(2048);

  constructor(private readonly idOf: (term: string) => number) {}

  /** The entry of `text.slice(start, end)`, created (folded, ids assigned) if new. */
  lookup(text: string, start: number, end: number): number {
    const length = end - start;
    let hash = 0x811c9dc5 ^ length;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;

    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]! - 1;
      if (entry < 0) return this.insert(slot, hash, text.slice(start, end));
      if (this.hashes[entry] !== hash) continue;
      const word = this.words[entry]!;
      if (word.length !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) {
        same = word.charCodeAt(i) === text.charCodeAt(start + i);
      }
      if (same) return entry;
    }
  }

  private insert(slot: number, hash: number, word: string): number {
    if (this.words.length >= MAX_WORDS) {
      this.reset();
      return this.lookup(word, 0, word.length);
    }
    const entry = this.words.length;
    if (entry === this.first.length) this.growEntries();
    const forms = foldTermForms(word);
    this.words.push(word);
    this.hashes[entry] = hash;
    this.first[entry] = this.idOf(forms[0]!);
    this.second[entry] = forms.length > 1 ? this.idOf(forms[1]!) : -1;
    this.slots[slot] = entry + 1;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return entry;
  }

  private growEntries(): void {
    const capacity = this.first.length * 2;
    const grow = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.first = grow(this.first);
    this.second = grow(this.second);
    this.hashes = grow(this.hashes);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.words.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }

  private reset(): void {
    this.words = [];
    this.slots = new Int32Array(2048);
    this.first = new Int32Array(1024);
    this.second = new Int32Array(1024);
    this.hashes = new Int32Array(1024);
  }
}
