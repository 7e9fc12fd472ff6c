import { DocTable, KIND_NAMES } from './doc-table';
import { FrozenPostings } from './frozen-postings';
import { decodeIndex, encodeIndex } from './index-format';
import { mergePostings } from './merge-postings';
import { parseQuery } from './parse-query';
import { packPosting } from './posting-pack';
import { QueryScorer } from './query-scorer';
import { RecentPostings } from './recent-postings';
import { SEARCH_FIELDS, type SearchField, type SearchKind } from './search-fields';
import { forEachToken } from './tokenize';
import { topHits } from './top-hits';
import { WordTable } from './word-table';

export interface SearchDocument {
  id: string;
  kind: SearchKind;
  fields: Partial<Record<SearchField, string>>;
}

export interface SearchOptions {
  /** At most this many hits (default 50). */
  limit?: number;
  /** Only documents of these kinds (default: all). */
  kinds?: readonly SearchKind[];
}

export interface SearchHit {
  id: string;
  kind: SearchKind;
  score: number;
  /** The folded query terms in query order, the last one a prefix: pass to makeSnippet. */
  terms: string[];
  /** The fields in which some term matched. */
  fields: SearchField[];
}

const DEFAULT_LIMIT = 50;
/** Recent postings are merged into the frozen base once they outgrow it (or this). */
const MIN_MERGE_ENTRIES = 1 << 20;
/** Tombstones are dropped once they are a quarter of the documents (and at least this). */
const MIN_COMPACT_DEAD = 1_000;

/**
 * Full-text search over articles and claims.
 *
 * Layout: a frozen base (sorted terms, varint posting lists in one byte array; see
 * FrozenPostings) plus recent postings (RecentPostings), merged into the base once they
 * outgrow it, so a bulk build costs O(n log n) and a one-article update only appends.
 * Removal marks a tombstone; compaction renumbers the live documents and drops dead
 * postings, either when a quarter are dead or on serialize(). Results never depend on
 * when that happens (see QueryScorer). Call compact() after a bulk load, so queries do
 * not regroup millions of recent postings.
 *
 * Query: every term must match (AND); the last one is a prefix (as-you-type, from two
 * letters on), the others match whole words only: a prefix per word would make every
 * query as slow as its shortest word and mark unrelated words in snippets. Hits that match the last term as
 * typed rank above hits that only match longer words, then by BM25F score, then by id.
 */
export class SearchIndex {
  private docs = new DocTable();
  private base = FrozenPostings.empty;
  private readonly recent = new RecentPostings();
  private readonly words = new WordTable((term) => this.recent.idOf(term));
  private readonly scorer = new QueryScorer();
  /** Per term id, its frequency in the field being indexed; zero between fields. */
  private termFrequencies = new Int32Array(1024);
  private readonly fieldLengths = new Uint32Array(SEARCH_FIELDS.length);

  /** Number of documents in the index. */
  get size(): number {
    return this.docs.liveCount;
  }

  has(id: string): boolean {
    return this.docs.find(id) !== undefined;
  }

  /** Adds a document, replacing any with the same id. */
  add(document: SearchDocument): void {
    const kind = KIND_NAMES.indexOf(document.kind);
    if (kind < 0) throw new Error(`Unknown search document kind: ${String(document.kind)}`);
    this.removeQuietly(document.id);
    const recent = this.recent;
    const doc = this.docs.count;
    const touched: number[] = [];
    SEARCH_FIELDS.forEach((name, f) => {
      let words = 0;
      const text = document.fields[name];
      if (text) {
        forEachToken(text, (start, end, compound) => {
          if (!compound) words++;
          const entry = this.words.lookup(text, start, end);
          this.count(this.words.first[entry]!, touched);
          const second = this.words.second[entry]!;
          if (second >= 0) this.count(second, touched);
        });
      }
      this.fieldLengths[f] = words;
      for (const id of touched) {
        recent.add(id, doc, packPosting(this.termFrequencies[id]!, f));
        this.termFrequencies[id] = 0;
      }
      touched.length = 0;
    });
    this.docs.add(document.id, kind, this.fieldLengths);
    if (recent.entries > Math.max(MIN_MERGE_ENTRIES, this.base.entryCount)) this.compact();
  }

  /** Removes a document; false if there was none with this id. */
  remove(id: string): boolean {
    const removed = this.removeQuietly(id);
    const dead = this.docs.count - this.docs.liveCount;
    if (dead > Math.max(MIN_COMPACT_DEAD, this.docs.liveCount / 4)) this.compact();
    return removed;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    const kinds = options.kinds ?? KIND_NAMES;
    const kindMask = kinds.reduce((mask, kind) => mask | (1 << KIND_NAMES.indexOf(kind)), 0);
    const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
    const scored = this.scorer.score(this.docs, this.base, this.recent, terms, kindMask);
    const { score, exact, fields } = scored;
    const ids = this.docs.ids;
    const before = (a: number, b: number) =>
      exact[a] !== exact[b]
        ? exact[a]! > exact[b]!
        : score[a] !== score[b]
          ? score[a]! > score[b]!
          : ids[a]! < ids[b]!;
    const hitTerms = terms.map((t) => t.term);
    return topHits(scored.docs, scored.count, limit, before).map((doc) => ({
      id: ids[doc]!,
      kind: KIND_NAMES[this.docs.kinds[doc]!]!,
      score: score[doc]!,
      terms: [...hitTerms],
      fields: SEARCH_FIELDS.filter((_, f) => (fields[doc]! & (1 << f)) !== 0),
    }));
  }

  /**
   * Merges recent postings into the frozen base and drops removed documents. Results do
   * not change; queries and serialize() get cheaper.
   */
  compact(): void {
    if (this.recent.entries === 0 && this.docs.liveCount === this.docs.count) return;
    const { table, renumber } = this.docs.compacted();
    this.base = mergePostings(this.base, this.recent, renumber);
    this.docs = table;
    this.recent.clearEntries();
  }

  /** The index as bytes (compacting it first); see index-format.ts for the layout. */
  serialize(): Uint8Array {
    this.compact();
    return encodeIndex(this.docs, this.base);
  }

  /** An index from serialize()'s bytes; throws on foreign, corrupted or old-format bytes. */
  static deserialize(bytes: Uint8Array): SearchIndex {
    const { docs, postings } = decodeIndex(bytes);
    const index = new SearchIndex();
    index.docs = docs;
    index.base = postings;
    return index;
  }

  private count(id: number, touched: number[]): void {
    if (id >= this.termFrequencies.length) {
      const grown = new Int32Array(Math.max(id + 1, this.termFrequencies.length * 2));
      grown.set(this.termFrequencies);
      this.termFrequencies = grown;
    }
    if (this.termFrequencies[id]!++ === 0) touched.push(id);
  }

  private removeQuietly(id: string): boolean {
    const doc = this.docs.find(id);
    if (doc === undefined) return false;
    this.docs.remove(doc);
    return true;
  }
}
