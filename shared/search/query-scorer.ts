import type { DocTable } from './doc-table';
import type { FrozenPostings } from './frozen-postings';
import type { QueryTerm } from './parse-query';
import { PostingBuffer } from './posting-buffer';
import { FIELD_BITS, FIELD_MASK } from './posting-pack';
import type { RecentPostings } from './recent-postings';
import { FIELD_BOOSTS, SEARCH_FIELDS } from './search-fields';

const K1 = 1.2;
const B = 0.75;
const BOOSTS = Float64Array.from(SEARCH_FIELDS, (f) => FIELD_BOOSTS[f]);

/** Where one spelling a query term matches is filed: the frozen base, recent postings, both. */
interface Expansion {
  base: number;
  /** Its entries in the recent postings: [from, to) into their docs and packs. */
  recent: [from: number, to: number] | null;
  /** The spelling is the query term itself, not a longer word it begins. */
  exact: boolean;
}

/** The documents that matched every term, with what ranking needs, indexed by doc number. */
export interface ScoredDocs {
  docs: Int32Array;
  count: number;
  score: Float64Array;
  /** 1 if the prefix term matched as typed (or there was none), 0 if only longer words. */
  exact: Uint8Array;
  /** Bit per SEARCH_FIELDS entry that matched some term. */
  fields: Uint16Array;
}

/**
 * Scores a query with BM25F: per term and document, field frequencies weighted by field
 * boost and normalised by field length are summed before saturation. A prefix term
 * scores the best of the words it begins in each document (a sum would favour documents
 * that merely contain many words sharing the prefix). Terms are taken rarest first and
 * every later term only looks at the documents all earlier terms matched (AND).
 *
 * Document frequency is counted over live postings at query time, never stored, so a
 * score depends only on the live documents: removals, compaction and a serialization
 * round trip leave every result unchanged.
 *
 * Scratch arrays are per document number and reused; a generation stamp per document
 * (`mark`) says which step last matched it, so nothing is cleared between queries.
 */
export class QueryScorer {
  private mark = new Uint32Array(0);
  private generation = 0;
  /** Per query term: its best score in each document that matched it. */
  private partials: Float64Array[] = [];
  private stepFields = new Uint16Array(0);
  private stepExact = new Uint8Array(0);
  private touched = new Int32Array(0);
  private readonly result: ScoredDocs = {
    docs: new Int32Array(0),
    count: 0,
    score: new Float64Array(0),
    exact: new Uint8Array(0),
    fields: new Uint16Array(0),
  };
  private readonly buffer = new PostingBuffer();

  score(
    table: DocTable,
    base: FrozenPostings,
    delta: RecentPostings,
    terms: readonly QueryTerm[],
    kindMask: number,
  ): ScoredDocs {
    this.ensureCapacity(table.count);
    if (this.generation > 0xffffffff - terms.length) {
      this.mark.fill(0); // stamps restart between queries, never within one
      this.generation = 0;
    }
    const result = this.result;
    result.count = 0;
    const steps = terms.map((term, position) => ({
      term,
      position,
      expansions: expand(base, delta, term),
    }));
    if (steps.length === 0 || steps.some((s) => s.expansions.length === 0)) return result;
    const cost = (s: (typeof steps)[number]) =>
      s.expansions.reduce(
        (sum, e) =>
          sum +
          (e.base >= 0 ? base.byteLength(e.base) : 0) +
          (e.recent ? e.recent[1] - e.recent[0] : 0),
        0,
      );
    const ordered = steps.map((s) => ({ ...s, cost: cost(s) })).sort((a, b) => a.cost - b.cost);

    const fieldCount = SEARCH_FIELDS.length;
    const lengthScale = new Float64Array(fieldCount);
    for (let f = 0; f < fieldCount; f++) {
      const average = table.averageLength(f);
      lengthScale[f] = average > 0 ? B / average : 0;
    }
    const { alive, kinds, lengths } = table;
    const { mark, stepFields, stepExact, touched, buffer } = this;
    const { score, exact, fields } = result;
    const liveCount = table.liveCount;
    const hasPrefix = terms.some((t) => t.prefix);

    let previous = 0;
    let touchedCount = 0;
    for (let k = 0; k < ordered.length; k++) {
      const { term, position, expansions } = ordered[k]!;
      const best = this.partial(position);
      const first = k === 0;
      const current = ++this.generation;
      touchedCount = 0;
      for (const expansion of expansions) {
        buffer.clear();
        if (expansion.base >= 0) base.decodeInto(expansion.base, buffer);
        if (expansion.recent !== null) {
          const [from, to] = expansion.recent;
          const recentDocs = delta.docs;
          const recentPacks = delta.packs;
          for (let i = from; i < to; i++) buffer.push(recentDocs[i]!, recentPacks[i]!);
        }
        const n = buffer.length;
        const docs = buffer.docs;
        const packs = buffer.packs;
        let df = 0;
        for (let i = 0, last = -1; i < n; i++) {
          const doc = docs[i]!;
          if (doc !== last) df += alive[doc]!;
          last = doc;
        }
        if (df === 0) continue;
        const idf = Math.log(1 + (liveCount - df + 0.5) / (df + 0.5));
        const isExact = expansion.exact ? 1 : 0;
        for (let i = 0; i < n;) {
          const doc = docs[i]!;
          let end = i + 1;
          while (end < n && docs[end] === doc) end++;
          const seen = mark[doc]!;
          if (
            alive[doc] === 1 &&
            (kindMask & (1 << kinds[doc]!)) !== 0 &&
            (first || seen === previous || seen === current)
          ) {
            let weight = 0;
            let bits = 0;
            for (let j = i; j < end; j++) {
              const pack = packs[j]!;
              const f = pack & FIELD_MASK;
              const norm = 1 - B + lengths[doc * fieldCount + f]! * lengthScale[f]!;
              weight += (BOOSTS[f]! * (pack >>> FIELD_BITS)) / norm;
              bits |= 1 << f;
            }
            const s = (idf * weight * (K1 + 1)) / (K1 + weight);
            if (seen !== current) {
              mark[doc] = current;
              best[doc] = s;
              stepFields[doc] = bits;
              stepExact[doc] = isExact;
              touched[touchedCount++] = doc;
            } else {
              if (s > best[doc]!) best[doc] = s;
              stepFields[doc]! |= bits;
              stepExact[doc]! |= isExact;
            }
          }
          i = end;
        }
      }
      if (touchedCount === 0) return result;
      for (let c = 0; c < touchedCount; c++) {
        const doc = touched[c]!;
        fields[doc] = (first ? 0 : fields[doc]!) | stepFields[doc]!;
        if (first && !hasPrefix) exact[doc] = 1;
        if (term.prefix) exact[doc] = stepExact[doc]!;
      }
      previous = current;
    }
    // Summed in query order, not evaluation order, so a score does not depend on which
    // term happened to have fewer postings (dead ones included).
    for (let c = 0; c < touchedCount; c++) {
      const doc = touched[c]!;
      let sum = 0;
      for (let position = 0; position < terms.length; position++) {
        sum += this.partials[position]![doc]!;
      }
      score[doc] = sum;
    }
    result.docs = touched;
    result.count = touchedCount;
    return result;
  }

  private partial(position: number): Float64Array {
    while (this.partials.length <= position) {
      this.partials.push(new Float64Array(this.mark.length));
    }
    return this.partials[position]!;
  }

  private ensureCapacity(docCount: number): void {
    if (this.mark.length >= docCount) return;
    const capacity = Math.max(1024, docCount * 1.25) | 0;
    this.mark = new Uint32Array(capacity);
    this.generation = 0;
    this.partials = [];
    this.stepFields = new Uint16Array(capacity);
    this.stepExact = new Uint8Array(capacity);
    this.touched = new Int32Array(capacity);
    this.result.score = new Float64Array(capacity);
    this.result.exact = new Uint8Array(capacity);
    this.result.fields = new Uint16Array(capacity);
  }
}

/** The spellings a term matches: itself, or for a prefix every filed word it begins. */
function expand(
  base: FrozenPostings,
  delta: RecentPostings,
  { term, prefix }: QueryTerm,
): Expansion[] {
  if (!prefix) {
    const at = base.indexOf(term);
    const recent = delta.range(term);
    return at < 0 && recent === null ? [] : [{ base: at, recent, exact: true }];
  }
  const expansions: Expansion[] = [];
  const [from, to] = base.prefixRange(term);
  for (let t = from; t < to; t++) {
    const word = base.terms[t]!;
    expansions.push({ base: t, recent: delta.range(word), exact: word === term });
  }
  for (const word of delta.termsWithPrefix(term)) {
    if (base.indexOf(word) < 0) {
      expansions.push({ base: -1, recent: delta.range(word), exact: word === term });
    }
  }
  return expansions;
}
