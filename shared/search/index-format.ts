import { checksum } from './checksum';
import { DocTable } from './doc-table';
import { FrozenPostings } from './frozen-postings';
import { SEARCH_FIELDS } from './search-fields';
import { utf8 } from './utf8';

/**
 * The serialized index: "MRGNSRCH", format version (u32), checksum of everything after it
 * (u32), header length (u32), a small JSON header, then 4-byte-aligned sections that load
 * as typed-array views without parsing: document ids (concatenated, with their u32 end
 * offsets, and the doc numbers ordered by id), kinds (u8), field lengths (u32 per document
 * and field), terms ('\n'-joined, sorted), term offsets (u32) and the varint posting
 * bytes. Little-endian, as every platform Margin ships on.
 */
const MAGIC = 'MRGNSRCH';
export const SEARCH_INDEX_FORMAT_VERSION = 1;
const PREAMBLE = 20;

interface Header {
  fields: readonly string[];
  docs: number;
  terms: number;
  entries: number;
  sections: Record<SectionName, [offset: number, length: number]>;
}

const SECTIONS = [
  'ids',
  'idEnds',
  'byId',
  'kinds',
  'lengths',
  'terms',
  'offsets',
  'postings',
] as const;
type SectionName = (typeof SECTIONS)[number];

const align = (n: number) => (n + 3) & ~3;

export function encodeIndex(docs: DocTable, postings: FrozenPostings): Uint8Array {
  if (docs.liveCount !== docs.count) throw new Error('Only a compacted index can be encoded.');
  const fieldCount = SEARCH_FIELDS.length;
  const parts: Record<SectionName, Uint8Array> = {
    ids: utf8.encode(docs.ids.join('')),
    idEnds: asBytes(idEnds(docs.ids)),
    byId: asBytes(docs.byId),
    kinds: docs.kinds.subarray(0, docs.count),
    lengths: asBytes(docs.lengths.subarray(0, docs.count * fieldCount)),
    terms: utf8.encode(postings.terms.join('\n')),
    offsets: asBytes(postings.offsets),
    postings: postings.bytes,
  };
  const sections = {} as Header['sections'];
  const headerFor = (start: number): Uint8Array => {
    let at = start;
    for (const name of SECTIONS) {
      sections[name] = [at, parts[name].length];
      at = align(at + parts[name].length);
    }
    const header: Header = {
      fields: SEARCH_FIELDS,
      docs: docs.count,
      terms: postings.terms.length,
      entries: postings.entryCount,
      sections,
    };
    return utf8.encode(JSON.stringify(header));
  };
  // The header holds the section offsets, which depend on its own length: settle it.
  let header = headerFor(0);
  for (let size = -1; size !== header.length;) {
    size = header.length;
    header = headerFor(align(PREAMBLE + size));
  }

  const last = sections.postings;
  const out = new Uint8Array(align(last[0] + last[1]));
  const view = new DataView(out.buffer);
  out.set(utf8.encode(MAGIC), 0);
  view.setUint32(8, SEARCH_INDEX_FORMAT_VERSION, true);
  view.setUint32(16, header.length, true);
  out.set(header, PREAMBLE);
  for (const name of SECTIONS) out.set(parts[name], sections[name][0]);
  view.setUint32(12, checksum(out, 16), true);
  return out;
}

function fail(why: string): never {
  throw new Error(`Not a usable Margin search index: ${why}.`);
}

export function decodeIndex(input: Uint8Array): { docs: DocTable; postings: FrozenPostings } {
  if (input.length < PREAMBLE) fail('too short');
  // A private, aligned copy: the typed-array views below must not see the caller's writes.
  const bytes = new Uint8Array(input);
  const view = new DataView(bytes.buffer);
  if (String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) fail('wrong file type');
  const version = view.getUint32(8, true);
  if (version !== SEARCH_INDEX_FORMAT_VERSION) {
    fail(`format version ${version}, this build reads ${SEARCH_INDEX_FORMAT_VERSION}; rebuild it`);
  }
  if (checksum(bytes, 16) !== view.getUint32(12, true)) fail('checksum mismatch (corrupted)');

  const headerLength = view.getUint32(16, true);
  if (PREAMBLE + headerLength > bytes.length) fail('truncated header');
  const header = parseHeader(bytes.subarray(PREAMBLE, PREAMBLE + headerLength));
  const section = (name: SectionName): Uint8Array => {
    const [offset, length] = header.sections[name];
    if (offset % 4 !== 0 || offset + length > bytes.length) fail(`section ${name} out of range`);
    return bytes.subarray(offset, offset + length);
  };
  const fieldCount = SEARCH_FIELDS.length;
  const idText = utf8.decode(section('ids'));
  const ends = asUint32(section('idEnds'));
  if (ends.length !== header.docs || (ends.length > 0 && ends[ends.length - 1] !== idText.length)) {
    fail('bad document ids');
  }
  const ids: string[] = new Array<string>(ends.length);
  for (let doc = 0, start = 0; doc < ends.length; doc++) {
    ids[doc] = idText.slice(start, (start = ends[doc]!));
  }
  const kinds = section('kinds').slice();
  if (kinds.length !== header.docs || kinds.some((k) => k > 1)) fail('bad document kinds');
  const lengths = asUint32(section('lengths'));
  if (lengths.length !== header.docs * fieldCount) fail('bad field lengths');

  const termText = utf8.decode(section('terms'));
  const terms = termText === '' ? [] : termText.split('\n');
  const offsets = asUint32(section('offsets'));
  const postingBytes = section('postings');
  if (terms.length !== header.terms || offsets.length !== terms.length + 1) fail('bad terms');
  if (offsets[0] !== 0 || offsets[terms.length] !== postingBytes.length) fail('bad offsets');
  for (let t = 0; t < terms.length; t++) {
    if (offsets[t]! >= offsets[t + 1]! || (t > 0 && terms[t - 1]! >= terms[t]!)) {
      fail('terms out of order');
    }
  }

  let docs: DocTable;
  try {
    docs = DocTable.fromColumns(ids, kinds, lengths, asInt32(section('byId')));
  } catch {
    return fail('document ids out of order or repeated');
  }
  return { docs, postings: new FrozenPostings(terms, offsets, postingBytes, header.entries) };
}

function parseHeader(bytes: Uint8Array): Header {
  let header: Partial<Header>;
  try {
    header = JSON.parse(utf8.decode(bytes)) as Partial<Header>;
  } catch {
    return fail('unreadable header');
  }
  const { fields, docs, terms, entries, sections } = header;
  if (
    !Array.isArray(fields) ||
    fields.join() !== SEARCH_FIELDS.join() ||
    !Number.isInteger(docs) ||
    !Number.isInteger(terms) ||
    !Number.isInteger(entries) ||
    typeof sections !== 'object' ||
    sections === null ||
    !SECTIONS.every((name) => {
      const range: unknown = sections[name];
      return Array.isArray(range) && range.length === 2 && range.every(Number.isInteger);
    })
  ) {
    return fail('unexpected header');
  }
  return header as Header;
}

/** End of each id in the concatenated ids, in UTF-16 code units. */
function idEnds(ids: readonly string[]): Uint32Array {
  const ends = new Uint32Array(ids.length);
  let end = 0;
  ids.forEach((id, doc) => (ends[doc] = end += id.length));
  return ends;
}

function asBytes(array: Uint32Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function asUint32(bytes: Uint8Array): Uint32Array {
  if (bytes.byteOffset % 4 !== 0 || bytes.length % 4 !== 0) fail('misaligned section');
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

function asInt32(bytes: Uint8Array): Int32Array {
  const words = asUint32(bytes);
  return new Int32Array(words.buffer, words.byteOffset, words.length);
}
