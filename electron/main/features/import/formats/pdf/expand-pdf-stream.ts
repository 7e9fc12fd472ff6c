import zlib from 'node:zlib';
import { hexDigit } from './read-pdf-object';

/** The PDF filters that can make a stream bigger than it is stored. */
export type Expander = 'deflate' | 'brotli';

/** What a filter stage yields: `bytes` above the caller's limit means it stopped there. */
export interface StageResult {
  bytes: number;
  /** The decoded bytes, when the caller asked to keep them. */
  output?: Buffer;
  /** Input the stage read, for text filters whose cost is their input, not their output. */
  consumed?: number;
}

// Most streams inflate at once into memory; only one past this window (a bomb, or a rare
// huge one) is counted again chunk by chunk, so a check never holds much more than this.
const SYNC_WINDOW_BYTES = 4 * 1024 * 1024;
// Big chunks: each one is a round trip to zlib's thread, and small ones made a 50 MB
// bomb take ten times longer to refuse.
const CHUNK_BYTES = 1024 * 1024;

/**
 * How many bytes `data` decompresses to, up to just past `limit`, holding at most one
 * window of output at a time. A stream damaged part-way counts what it yielded before the
 * damage (pdf.js keeps that too); one pdf.js would refuse outright (a bad zlib header)
 * counts nothing.
 */
export async function expandedSize(
  data: Uint8Array,
  expander: Expander,
  limit: number,
): Promise<number> {
  if (expander === 'deflate' && !hasZlibHeader(data)) return 0;
  try {
    const window = Math.max(1, Math.min(limit, SYNC_WINDOW_BYTES));
    return decompressSync(data, expander, window).length;
  } catch (error) {
    if (isOverMaxOutput(error) && limit <= SYNC_WINDOW_BYTES) return limit + 1;
  }
  return drain(data, expander, limit, null);
}

/**
 * Decompresses `data` for a further filter, so holds its output (never more than `limit`:
 * past it, it stops and returns no output).
 */
export async function expandKeeping(
  data: Uint8Array,
  expander: Expander,
  limit: number,
): Promise<StageResult> {
  if (expander === 'deflate' && !hasZlibHeader(data)) return { bytes: 0, output: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  const bytes = await drain(data, expander, limit, chunks);
  return bytes > limit ? { bytes } : { bytes, output: Buffer.concat(chunks) };
}

/** As pdf.js's FlateStream: anything else is no zlib stream and is never inflated. */
function hasZlibHeader(data: Uint8Array): boolean {
  const cmf = data[0];
  const flg = data[1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 0x08 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

function decompressSync(data: Uint8Array, expander: Expander, maxOutputLength: number): Buffer {
  return expander === 'deflate'
    ? zlib.inflateSync(data, { ...INFLATE_OPTIONS, maxOutputLength })
    : zlib.brotliDecompressSync(data, { maxOutputLength });
}

// A truncated stream yields what it holds instead of failing, as in pdf.js.
const INFLATE_OPTIONS = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
const STREAMING_INFLATE_OPTIONS = { ...INFLATE_OPTIONS, chunkSize: CHUNK_BYTES };

function isOverMaxOutput(error: unknown): boolean {
  return error instanceof RangeError && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE';
}

/** Streams `data` through the decompressor, counting (and keeping, if asked) its output. */
function drain(
  data: Uint8Array,
  expander: Expander,
  limit: number,
  keep: Buffer[] | null,
): Promise<number> {
  return new Promise((resolve) => {
    const engine =
      expander === 'deflate'
        ? zlib.createInflate(STREAMING_INFLATE_OPTIONS)
        : zlib.createBrotliDecompress({ chunkSize: CHUNK_BYTES });
    let bytes = 0;
    engine.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) {
        engine.destroy();
        resolve(bytes);
      } else {
        keep?.push(chunk);
      }
    });
    // Damage ends the stream; what came before it still counts.
    engine.on('error', () => resolve(bytes));
    engine.on('end', () => resolve(bytes));
    engine.end(data);
  });
}

/** pdf.js's ASCIIHexDecode: hex digits in pairs, other bytes ignored, `>` ends. */
export function decodeAsciiHex(data: Uint8Array, limit: number): StageResult {
  const output = Buffer.allocUnsafe(Math.min((data.length + 1) >> 1, limit + 1));
  let length = 0;
  let high = -1;
  let pos = 0;
  for (; pos < data.length && length <= limit; pos++) {
    const byte = data[pos]!;
    if (byte === 0x3e) break;
    const digit = hexDigit(byte);
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      output[length++] = (high << 4) | digit;
      high = -1;
    }
  }
  if (high >= 0 && length <= limit) output[length++] = high << 4;
  return { bytes: length, output: output.subarray(0, length), consumed: pos };
}

/**
 * pdf.js's ASCII85Decode, byte for byte: groups of five characters make four bytes, `z`
 * four zeros, `~` ends; a short last group makes fewer bytes.
 */
export function decodeAscii85(data: Uint8Array, limit: number): StageResult {
  // `z` is the only way to grow (fourfold); the output never exceeds that.
  let output: Buffer = Buffer.allocUnsafe(Math.min(data.length, limit + 1));
  let length = 0;
  let pos = 0;
  const nextChar = (): number => {
    while (pos < data.length && isAscii85Space(data[pos]!)) pos++;
    return pos < data.length ? data[pos++]! : -1;
  };
  const group = new Uint8Array(5);
  while (length <= limit) {
    let char = nextChar();
    if (char === -1 || char === 0x7e) break;
    let count = 4;
    if (char === 0x7a) group.fill(0x21);
    else {
      group[0] = char;
      let i = 1;
      for (; i < 5; i++) {
        char = nextChar();
        group[i] = char;
        if (char === -1 || char === 0x7e) break;
      }
      count = i - 1;
      group.fill(0x21 + 84, i);
    }
    if (length + 4 > output.length)
      output = grow(output, Math.min(output.length * 2 + 4, limit + 4));
    let t = 0;
    for (const c of group) t = t * 85 + (c - 0x21);
    for (let i = 3; i >= 0; --i) {
      output[length + i] = t & 0xff;
      t >>= 8;
    }
    length += count;
    if (count < 4) break;
  }
  return { bytes: length, output: output.subarray(0, length), consumed: pos };
}

function isAscii85Space(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

function grow(buffer: Buffer, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(size, buffer.length + 4));
  buffer.copy(bigger);
  return bigger;
}
