import { SEARCH_FIELDS, type SearchKind } from './search-fields';

const FIELD_COUNT = SEARCH_FIELDS.length;
/** A document's kind is stored as its index here. */
export const KIND_NAMES: readonly SearchKind[] = ['article', 'claim'];

/**
 * The documents by number: id, kind, whether still live, and each field's length in
 * words. Numbers only grow; a removed document stays as a tombstone until compaction
 * renumbers the live ones. Sums over live documents give BM25 its average lengths.
 *
 * Finding a document by id: the compacted documents carry a permutation sorted by id
 * (binary search, stored with the index, so loading builds no 100,000-entry Map); only
 * documents added since are in a Map.
 */
export class DocTable {
  ids: string[] = [];
  kinds: Uint8Array;
  alive: Uint8Array;
  lengths: Uint32Array;
  /** Doc numbers of the compacted documents, ordered by id. */
  byId: Int32Array = new Int32Array(0);
  private readonly addedById = new Map<string, number>();
  readonly lengthSums = new Float64Array(FIELD_COUNT);
  readonly fieldDocs = new Float64Array(FIELD_COUNT);
  liveCount = 0;

  constructor(capacity = 64) {
    this.kinds = new Uint8Array(capacity);
    this.alive = new Uint8Array(capacity);
    this.lengths = new Uint32Array(capacity * FIELD_COUNT);
  }

  get count(): number {
    return this.ids.length;
  }

  /** The number of the live document with this id. */
  find(id: string): number | undefined {
    const added = this.addedById.get(id);
    if (added !== undefined) return added;
    const { byId, ids } = this;
    let lo = 0;
    let hi = byId.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ids[byId[mid]!]! < id) lo = mid + 1;
      else hi = mid;
    }
    const doc = byId[lo];
    return doc !== undefined && ids[doc] === id && this.alive[doc] === 1 ? doc : undefined;
  }

  /** Appends a live document; `lengths` has one entry per SEARCH_FIELDS entry. */
  add(id: string, kind: number, lengths: ArrayLike<number>): number {
    const doc = this.ids.length;
    if (doc === this.kinds.length) this.grow();
    this.ids.push(id);
    this.kinds[doc] = kind;
    this.alive[doc] = 1;
    this.lengths.set(lengths, doc * FIELD_COUNT);
    this.addedById.set(id, doc);
    this.tally(doc, 1);
    return doc;
  }

  remove(doc: number): void {
    if (this.alive[doc] !== 1) return;
    this.alive[doc] = 0;
    this.addedById.delete(this.ids[doc]!);
    this.tally(doc, -1);
  }

  /** Average length of `field` over the live documents that have it (0 if none). */
  averageLength(field: number): number {
    const docs = this.fieldDocs[field]!;
    return docs > 0 ? this.lengthSums[field]! / docs : 0;
  }

  /**
   * A table of the live documents only, numbered in order, and the old number → new
   * number map (-1 for tombstones) that posting lists are rewritten with.
   */
  compacted(): { table: DocTable; renumber: Int32Array } {
    const ids: string[] = [];
    const kinds = new Uint8Array(this.liveCount);
    const lengths = new Uint32Array(this.liveCount * FIELD_COUNT);
    const renumber = new Int32Array(this.count).fill(-1);
    for (let doc = 0; doc < this.count; doc++) {
      if (this.alive[doc] !== 1) continue;
      const to = ids.length;
      renumber[doc] = to;
      ids.push(this.ids[doc]!);
      kinds[to] = this.kinds[doc]!;
      lengths.set(
        this.lengths.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT),
        to * FIELD_COUNT,
      );
    }
    const byId = Int32Array.from(ids.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
    return { table: DocTable.fromColumns(ids, kinds, lengths, byId), renumber };
  }

  /**
   * A table of live documents from their columns; `byId` must order them by id. Throws
   * if it does not (which also rules out duplicate ids).
   */
  static fromColumns(
    ids: string[],
    kinds: Uint8Array,
    lengths: Uint32Array,
    byId: Int32Array,
  ): DocTable {
    const count = ids.length;
    const seen = new Uint8Array(count);
    for (let i = 0; i < byId.length; i++) {
      const doc = byId[i]!;
      if (doc < 0 || doc >= count || seen[doc] === 1) throw new Error('bad id order');
      seen[doc] = 1;
      if (i > 0 && !(ids[byId[i - 1]!]! < ids[doc]!)) throw new Error('bad id order');
    }
    if (byId.length !== count) throw new Error('bad id order');
    const table = new DocTable(0);
    table.ids = ids;
    table.kinds = kinds;
    table.alive = new Uint8Array(count).fill(1);
    table.lengths = lengths;
    table.byId = byId;
    for (let doc = 0; doc < count; doc++) table.tally(doc, 1);
    return table;
  }

  private tally(doc: number, sign: 1 | -1): void {
    this.liveCount += sign;
    const from = doc * FIELD_COUNT;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const length = this.lengths[from + f]!;
      if (length === 0) continue;
      this.lengthSums[f]! += sign * length;
      this.fieldDocs[f]! += sign;
    }
  }

  private grow(): void {
    const capacity = Math.max(64, this.kinds.length * 2);
    const kinds = new Uint8Array(capacity);
    const alive = new Uint8Array(capacity);
    const lengths = new Uint32Array(capacity * FIELD_COUNT);
    kinds.set(this.kinds);
    alive.set(this.alive);
    lengths.set(this.lengths);
    this.kinds = kinds;
    this.alive = alive;
    this.lengths = lengths;
  }
}
