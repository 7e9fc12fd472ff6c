import { ByteWriter } from './byte-writer';
import { FrozenPostings } from './frozen-postings';
import type { RecentPostings } from './recent-postings';

/**
 * A new base: `base` with the recent postings (all of documents newer than base's)
 * appended per term, every doc number rewritten through `renumber`, entries of removed
 * documents (renumber -1) dropped, and terms left without postings gone. Renumbering
 * keeps document order, so each list stays sorted and gap-encodable.
 */
export function mergePostings(
  base: FrozenPostings,
  delta: RecentPostings,
  renumber: Int32Array,
): FrozenPostings {
  const deltaTerms = delta.sortedTerms();
  const writer = new ByteWriter(base.bytes.length + delta.entries * 3 + 16);
  const terms: string[] = [];
  const offsets: number[] = [0];
  let entryCount = 0;
  const bytes = base.bytes;
  const deltaDocs = delta.docs;
  const deltaPacks = delta.packs;

  let b = 0;
  let d = 0;
  while (b < base.terms.length || d < deltaTerms.length) {
    const baseTerm = base.terms[b];
    const deltaTerm = deltaTerms[d];
    const term =
      deltaTerm === undefined || (baseTerm !== undefined && baseTerm <= deltaTerm)
        ? baseTerm!
        : deltaTerm;
    const before = writer.length;
    let last = 0;
    if (baseTerm === term) {
      let p = base.offsets[b]!;
      const end = base.offsets[b + 1]!;
      let doc = 0;
      while (p < end) {
        let byte = bytes[p++]!;
        let gap = byte & 0x7f;
        for (let shift = 7; byte & 0x80; shift += 7) {
          byte = bytes[p++]!;
          gap |= (byte & 0x7f) << shift;
        }
        byte = bytes[p++]!;
        let pack = byte & 0x7f;
        for (let shift = 7; byte & 0x80; shift += 7) {
          byte = bytes[p++]!;
          pack |= (byte & 0x7f) << shift;
        }
        doc += gap;
        const renumbered = renumber[doc]!;
        if (renumbered < 0) continue;
        writer.writeVarint(renumbered - last);
        writer.writeVarint(pack);
        last = renumbered;
        entryCount++;
      }
      b++;
    }
    if (deltaTerm === term) {
      const [from, to] = delta.range(term)!;
      for (let i = from; i < to; i++) {
        const renumbered = renumber[deltaDocs[i]!]!;
        if (renumbered < 0) continue;
        writer.writeVarint(renumbered - last);
        writer.writeVarint(deltaPacks[i]!);
        last = renumbered;
        entryCount++;
      }
      d++;
    }
    if (writer.length > before) {
      terms.push(term);
      offsets.push(writer.length);
    }
  }
  return new FrozenPostings(terms, Uint32Array.from(offsets), writer.toBytes(), entryCount);
}
