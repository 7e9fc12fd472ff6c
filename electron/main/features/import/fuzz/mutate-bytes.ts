import type { FuzzRandom } from './fuzz-random';

/** Mutations never grow a case past this: the app refuses files over 50 MB before parsing. */
export const MAX_CASE_BYTES = 8 * 1024 * 1024;

/** Bytes that break parsers more often than random ones: limits, UTF-8 leads, BOM parts. */
const INTERESTING_BYTES = [0x00, 0x01, 0x0a, 0x0d, 0x20, 0x7f, 0x80, 0xbf, 0xc0, 0xef, 0xfe, 0xff];
/** Multi-byte values a length or offset field may be set to. */
const INTERESTING_RUNS = [
  [0xff, 0xff, 0xff, 0xff],
  [0x00, 0x00, 0x00, 0x00],
  [0xff, 0xff, 0xff, 0x7f],
  [0x00, 0x00, 0x00, 0x80],
  [0xef, 0xbb, 0xbf], // UTF-8 BOM in the middle of a file
  [0xed, 0xa0, 0x80], // an encoded lone surrogate
  [0xc0, 0x80], // overlong NUL
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
];

type ByteMutation = (bytes: Uint8Array, random: FuzzRandom, other: Uint8Array) => Uint8Array;

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** A position in `bytes`, or its end. */
const position = (bytes: Uint8Array, random: FuzzRandom) => random.int(bytes.length + 1);

/** A range of up to `max` bytes inside `bytes`. */
function range(bytes: Uint8Array, random: FuzzRandom, max: number): [number, number] {
  const start = random.int(bytes.length);
  return [start, Math.min(bytes.length, start + random.small(1, max))];
}

/** Generic byte-level mutations, by name (the names go into failure reports). */
export const byteMutations: Record<string, ByteMutation> = {
  bitFlip(bytes, random) {
    const out = new Uint8Array(bytes);
    for (let flips = random.small(1, 16); flips > 0 && out.length > 0; flips--) {
      out[random.int(out.length)]! ^= 1 << random.int(8);
    }
    return out;
  },
  overwriteInteresting(bytes, random) {
    const out = new Uint8Array(bytes);
    if (out.length === 0) return out;
    const run = random.chance(0.5)
      ? [random.pick(INTERESTING_BYTES)]
      : random.pick(INTERESTING_RUNS);
    const at = random.int(out.length);
    run.forEach((byte, i) => {
      if (at + i < out.length) out[at + i] = byte;
    });
    return out;
  },
  insertRandom(bytes, random) {
    const at = position(bytes, random);
    const inserted = random.chance(0.5)
      ? random.bytes(random.small(1, 256))
      : new Uint8Array(random.small(1, 4096)).fill(random.pick(INTERESTING_BYTES));
    return concat(bytes.subarray(0, at), inserted, bytes.subarray(at));
  },
  deleteRange(bytes, random) {
    if (bytes.length === 0) return bytes;
    const [start, end] = range(bytes, random, 4096);
    return concat(bytes.subarray(0, start), bytes.subarray(end));
  },
  duplicateChunk(bytes, random) {
    if (bytes.length === 0) return bytes;
    const [start, end] = range(bytes, random, 2048);
    const chunk = bytes.subarray(start, end);
    const copies = Math.min(random.small(1, 200), Math.floor(MAX_CASE_BYTES / 4 / chunk.length));
    const at = position(bytes, random);
    const repeated = concat(...Array<Uint8Array>(Math.max(1, copies)).fill(chunk));
    return concat(bytes.subarray(0, at), repeated, bytes.subarray(at));
  },
  /** The head of this seed glued to the tail of another: valid starts, foreign middles. */
  spliceSeeds(bytes, random, other) {
    return concat(
      bytes.subarray(0, position(bytes, random)),
      other.subarray(position(other, random)),
    );
  },
  truncate(bytes, random) {
    return bytes.subarray(0, random.int(bytes.length));
  },
  /** Swaps two ranges: the same parts in the wrong order (xref before objects, …). */
  swapChunks(bytes, random) {
    if (bytes.length < 4) return bytes;
    const [a, b] = [position(bytes, random), position(bytes, random)].sort((x, y) => x - y) as [
      number,
      number,
    ];
    const c = a + random.int(b - a + 1);
    return concat(
      bytes.subarray(0, a),
      bytes.subarray(c, b),
      bytes.subarray(a, c),
      bytes.subarray(b),
    );
  },
};

const BYTE_MUTATION_NAMES = Object.keys(byteMutations);

/**
 * Applies `count` random byte mutations; returns the bytes and the names applied. `other`
 * is a second seed of the same format, for splicing.
 */
export function mutateBytes(
  bytes: Uint8Array,
  random: FuzzRandom,
  other: Uint8Array,
  count = random.small(1, 4),
): { bytes: Uint8Array; applied: string[] } {
  let out = bytes;
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = random.pick(BYTE_MUTATION_NAMES);
    const next = byteMutations[name]!(out, random, other);
    if (next.length > MAX_CASE_BYTES) continue;
    out = next;
    applied.push(`bytes:${name}`);
  }
  return { bytes: out, applied };
}

/** Purely random bytes: the importer must refuse them, not choke on them. */
export function randomBytes(random: FuzzRandom): Uint8Array {
  return random.bytes(random.small(0, 8192));
}
