/**
 * Postings added since the last merge, by term id. Ids outlive merges, so WordTable's
 * spelling → ids memo stays warm.
 *
 * Entries are appended to one stream of typed arrays (term id, doc, pack), not to a list
 * per term: millions of small JS arrays cost more in garbage collection than the indexing
 * itself. Queries and merges read a per-term grouping, rebuilt by counting sort whenever
 * the stream has grown since (linear, and small between merges).
 */
export class RecentPostings {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private streamTerms = new Int32Array(4096);
  private streamDocs = new Int32Array(4096);
  private streamPacks = new Int32Array(4096);
  /** Number of (doc, field) entries held. */
  entries = 0;

  private grouped = -1;
  /** Per term id: start of its entries in `docs`/`packs` (its end is the next start). */
  private starts = new Int32Array(1);
  private groupedDocs = new Int32Array(0);
  private groupedPacks = new Int32Array(0);
  /** Ids of the terms with entries. */
  private used: number[] = [];

  /** Number of term ids handed out so far (every id is below it). */
  get idCount(): number {
    return this.terms.length;
  }

  /** Appends an entry; a term's entries must arrive in doc order. */
  add(id: number, doc: number, pack: number): void {
    const at = this.entries;
    if (at === this.streamTerms.length) this.growStream();
    this.streamTerms[at] = id;
    this.streamDocs[at] = doc;
    this.streamPacks[at] = pack;
    this.entries = at + 1;
  }

  /** The entries of `term` as [from, to) into `docs` and `packs`, or null if none. */
  range(term: string): [from: number, to: number] | null {
    const id = this.ids.get(term);
    if (id === undefined || this.entries === 0) return null;
    this.group();
    if (id + 1 >= this.starts.length) return null;
    const from = this.starts[id]!;
    const to = this.starts[id + 1]!;
    return from < to ? [from, to] : null;
  }

  get docs(): Int32Array {
    this.group();
    return this.groupedDocs;
  }

  get packs(): Int32Array {
    this.group();
    return this.groupedPacks;
  }

  /** Every term with entries that starts with `prefix`. */
  termsWithPrefix(prefix: string): string[] {
    if (this.entries === 0) return [];
    this.group();
    const found: string[] = [];
    for (const id of this.used) {
      const term = this.terms[id]!;
      if (term.startsWith(prefix)) found.push(term);
    }
    return found;
  }

  /** The terms with entries, sorted by UTF-16 code units. */
  sortedTerms(): string[] {
    if (this.entries === 0) return [];
    this.group();
    return this.used.map((id) => this.terms[id]!).sort();
  }

  /** Forgets the entries (after a merge), keeping the term ids. */
  clearEntries(): void {
    this.entries = 0;
    this.grouped = -1;
    this.used = [];
    this.groupedDocs = new Int32Array(0);
    this.groupedPacks = new Int32Array(0);
    if (this.streamTerms.length > 1 << 16) {
      this.streamTerms = new Int32Array(4096);
      this.streamDocs = new Int32Array(4096);
      this.streamPacks = new Int32Array(4096);
    }
  }

  /** Counting sort of the stream by term id; stable, so each term keeps doc order. */
  private group(): void {
    if (this.grouped === this.entries) return;
    const n = this.entries;
    const termCount = this.terms.length;
    const starts = new Int32Array(termCount + 1);
    const streamTerms = this.streamTerms;
    for (let i = 0; i < n; i++) starts[streamTerms[i]! + 1]!++;
    const used: number[] = [];
    for (let id = 0; id < termCount; id++) {
      if (starts[id + 1]! > 0) used.push(id);
      starts[id + 1]! += starts[id]!;
    }
    const next = starts.slice(0, termCount);
    const docs = new Int32Array(n);
    const packs = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const at = next[streamTerms[i]!]!++;
      docs[at] = this.streamDocs[i]!;
      packs[at] = this.streamPacks[i]!;
    }
    this.starts = starts;
    this.groupedDocs = docs;
    this.groupedPacks = packs;
    this.used = used;
    this.grouped = n;
  }

  /** The id of `term`, assigned on first sight. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  private growStream(): void {
    const capacity = this.streamTerms.length * 2;
    const grow = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.streamTerms = grow(this.streamTerms);
    this.streamDocs = grow(this.streamDocs);
    this.streamPacks = grow(this.streamPacks);
  }
}
