import { ImportError } from '../../import-error';
import {
  decodeAscii85,
  decodeAsciiHex,
  expandedSize,
  expandKeeping,
  type Expander,
  type StageResult,
} from './expand-pdf-stream';
import {
  PDF_REF,
  PdfName,
  PdfReader,
  ReadBudgetExceeded,
  type PdfDict,
  type ReadBudget,
} from './read-pdf-object';

const MB = 1024 * 1024;

/** How far a PDF's compressed streams may expand before Margin refuses to open it. */
export interface PdfStreamLimits {
  /** Any one stream may expand to this… */
  minStreamBytes: number;
  /** …or to this many times its stored size, when that is more. */
  maxRatio: number;
  /** All checked streams together. */
  maxTotalBytes: number;
}

/**
 * 50 MB per stream is far beyond any page's text and fonts; 100-fold is more than text
 * and vector drawings compress (typically 3–20-fold), while a bomb's spaces compress
 * 1,000-fold. The total caps what pdf.js may be made to decode: 1 GB, however the file
 * spreads it (the 50 MB import limit times the 20-fold of a well-compressed text PDF).
 */
export const DEFAULT_PDF_STREAM_LIMITS: PdfStreamLimits = {
  minStreamBytes: 50 * MB,
  maxRatio: 100,
  maxTotalBytes: 1024 * MB,
};

/**
 * Refuses a PDF whose streams decompress to absurd sizes before pdf.js sees it: pdf.js
 * inflates a content stream whole, in memory outside the JavaScript heap limit, with no
 * ceiling. Every stream pdf.js may decode for text (all but images, which text extraction
 * never decodes) is decompressed here with a budget and its output discarded; scanning
 * and decoding stay linear in the file and stop as soon as a limit is passed. Streams we
 * cannot decode (damaged, encrypted, other filters) pass: pdf.js reports real damage
 * itself. Throws ImportError DAMAGED_FILE.
 */
export async function checkPdfStreams(
  bytes: Uint8Array,
  limits: Partial<PdfStreamLimits> = {},
): Promise<void> {
  const budget = new ExpansionBudget({ ...DEFAULT_PDF_STREAM_LIMITS, ...limits });
  try {
    for (const stream of pdfStreams(bytes)) {
      if (isImage(stream.dict)) continue;
      const stages = decodingStages(stream.dict);
      if (!budget.deferIfHarmless(stream, stages)) await budget.decode(stream, stages);
    }
  } catch (error) {
    throw error instanceof ReadBudgetExceeded ? tangled() : error;
  }
  await budget.decodeDeferredUntilTheyFit();
}

/** Deflate's utmost ratio: 258 bytes from a 2-bit length and distance code. */
const MAX_DEFLATE_RATIO = 1032;

/** Counts what the streams expand to and throws the moment a limit is passed. */
class ExpansionBudget {
  private total = 0;
  private readonly deferred: PdfStream[] = [];
  private deferredWorstCase = 0;

  constructor(private readonly limits: PdfStreamLimits) {}

  /**
   * Most streams are too small to pass the per-stream limit even at Flate's utmost ratio;
   * as long as their worst cases fit the total too, they need no inflating at all.
   */
  deferIfHarmless(stream: PdfStream, stages: readonly Stage[]): boolean {
    const worstCase = MAX_DEFLATE_RATIO * stream.storedBytes;
    const harmless =
      stream.exact &&
      stages.length === 1 &&
      stages[0] === 'deflate' &&
      worstCase <= this.limits.minStreamBytes;
    if (harmless) {
      this.deferred.push(stream);
      this.deferredWorstCase += worstCase;
    }
    return harmless;
  }

  /** Inflates deferred streams only until the worst cases left fit beside what is known. */
  async decodeDeferredUntilTheyFit(): Promise<void> {
    let worstTotal = this.total + this.deferredWorstCase;
    for (const stream of this.deferred) {
      if (worstTotal <= this.limits.maxTotalBytes) return;
      const before = this.total;
      await this.decode(stream, ['deflate']);
      worstTotal -= MAX_DEFLATE_RATIO * stream.storedBytes - (this.total - before);
    }
  }

  async decode(stream: PdfStream, stages: readonly Stage[]): Promise<void> {
    const { minStreamBytes, maxRatio, maxTotalBytes } = this.limits;
    const streamLimit = Math.max(minStreamBytes, maxRatio * stream.storedBytes);
    let data = stream.data;
    for (const [index, stage] of stages.entries()) {
      const allowed = Math.min(streamLimit, maxTotalBytes - this.total);
      const result = await runStage(stage, data, allowed, index < stages.length - 1);
      if (result.bytes > allowed) {
        throw allowed === streamLimit ? streamBomb(streamLimit) : totalBomb(maxTotalBytes);
      }
      // A text filter costs its input; an inflating one its output.
      this.total += Math.max(result.bytes, result.consumed ?? 0);
      if (this.total > maxTotalBytes) throw totalBomb(maxTotalBytes);
      if (result.output) data = result.output;
    }
  }
}

type Stage = Expander | 'asciiHex' | 'ascii85';

const STAGES = new Map<string, Stage>([
  ['FlateDecode', 'deflate'],
  ['Fl', 'deflate'],
  ['BrotliDecode', 'brotli'],
  ['ASCIIHexDecode', 'asciiHex'],
  ['AHx', 'asciiHex'],
  ['ASCII85Decode', 'ascii85'],
  ['A85', 'ascii85'],
]);

/**
 * The stream's filters that we follow, up to the last one that can expand it; none when
 * it cannot expand. A filter we cannot see (a reference) is tried as Flate: that fails
 * at once on anything that is not.
 */
function decodingStages(dict: PdfDict): Stage[] {
  // pdf.js reads the short key first.
  const filter = dict.has('F') ? dict.get('F') : dict.get('Filter');
  const names = Array.isArray(filter) ? filter : [filter];
  const stages: Stage[] = [];
  for (const name of names) {
    const stage = name === PDF_REF ? 'deflate' : name instanceof PdfName && STAGES.get(name.name);
    // A filter we cannot decode (LZW, images, crypt) ends what we can follow.
    if (!stage) break;
    stages.push(stage);
  }
  const lastExpanding = stages.findLastIndex((s) => s === 'deflate' || s === 'brotli');
  return stages.slice(0, lastExpanding + 1);
}

function runStage(
  stage: Stage,
  data: Uint8Array,
  allowed: number,
  keep: boolean,
): StageResult | Promise<StageResult> {
  if (stage === 'asciiHex') return decodeAsciiHex(data, allowed);
  if (stage === 'ascii85') return decodeAscii85(data, allowed);
  if (keep) return expandKeeping(data, stage, allowed);
  return expandedSize(data, stage, allowed).then((bytes) => ({ bytes }));
}

/**
 * pdf.js's text extraction never decodes an image XObject, and scans hold big lossless
 * ones. (A stream merely labelled an image but used as page content would slip through;
 * telling the two apart needs the whole object graph.)
 */
function isImage(dict: PdfDict): boolean {
  const subtype = dict.get('Subtype');
  return subtype instanceof PdfName && subtype.name === 'Image';
}

interface PdfStream {
  dict: PdfDict;
  /** From the first data byte: to `/Length`, or when that is unusable to the end of file. */
  data: Uint8Array;
  /** The stored size, for the ratio limit. */
  storedBytes: number;
  /** Whether `/Length` gave the exact end of the data. */
  exact: boolean;
}

/**
 * Every `obj <<…>> stream` in the file, found by text, not through the cross-reference
 * table: pdf.js rebuilds a broken table the same way, so no object can hide from us by
 * being missing from it. Scanning restarts after each `obj` and never skips stream data
 * (pdf.js's rebuild, too, finds an object that starts inside another); one byte budget
 * for all reading keeps crafted overlaps from making it quadratic.
 */
function* pdfStreams(bytes: Uint8Array): Generator<PdfStream> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Honest files read each dictionary once and search each stream's data once at most.
  const budget: ReadBudget = { bytesLeft: 2 * file.length + MB };
  const endstream = endstreamFinder(file, budget);
  for (let at = file.indexOf('obj'); at >= 0; at = file.indexOf('obj', at + 3)) {
    if (at >= 3 && file.toString('latin1', at - 3, at) === 'end') continue;
    const reader = new PdfReader(file, at + 3, budget);
    if (!reader.atDictionary()) continue;
    const dict = reader.readObject();
    if (!(dict instanceof Map)) continue;
    const keywordEnd = reader.expectKeyword('stream');
    if (keywordEnd < 0) continue;
    const start = lineAfter(file, keywordEnd);
    const length = dict.get('Length');
    if (typeof length === 'number' && isExactLength(file, start, length, budget)) {
      yield { dict, data: file.subarray(start, start + length), storedBytes: length, exact: true };
    } else {
      // pdf.js then looks the length up or searches for `endstream`, which the data may
      // hold too. Decoders stop at their own end, so we hand them the rest of the file
      // and size the ratio limit by the nearest `endstream` (the smaller, stricter one).
      const end = endstream(start);
      const storedBytes = (end < 0 ? file.length : end) - start;
      yield { dict, data: file.subarray(start), storedBytes, exact: false };
    }
  }
}

/** As pdf.js: a `/Length` counts when `endstream` follows where it says the data ends. */
function isExactLength(file: Buffer, start: number, length: number, budget: ReadBudget): boolean {
  if (!Number.isInteger(length) || length < 0 || start + length > file.length) return false;
  return new PdfReader(file, start + length, budget).expectKeyword('endstream') >= 0;
}

/** The data starts after the end of the `stream` keyword's line (CR, LF or CRLF). */
function lineAfter(file: Buffer, from: number): number {
  let pos = from;
  while (pos < file.length && file[pos] !== 0x0a && file[pos] !== 0x0d) pos++;
  if (file[pos] === 0x0d && file[pos + 1] === 0x0a) return pos + 2;
  return Math.min(pos + 1, file.length);
}

/**
 * The next `endstream` at or after a position. It remembers its last search, so that
 * scanning forward searches each byte once.
 */
function endstreamFinder(file: Buffer, budget: ReadBudget): (from: number) => number {
  let searchedFrom = Infinity;
  let found = -1;
  return (from) => {
    if (from >= searchedFrom && (found < 0 || from <= found)) return found;
    searchedFrom = from;
    found = file.indexOf('endstream', from);
    budget.bytesLeft -= (found < 0 ? file.length : found) - from;
    if (budget.bytesLeft < 0) throw new ReadBudgetExceeded();
    return found;
  };
}

const DID_NOT_OPEN = 'a "decompression bomb"; Margin did not open it';

function streamBomb(limit: number): ImportError {
  return new ImportError(
    'DAMAGED_FILE',
    `the PDF holds a compressed stream that expands to more than ${megabytes(limit)} — ${DID_NOT_OPEN}`,
  );
}

function totalBomb(limit: number): ImportError {
  return new ImportError(
    'DAMAGED_FILE',
    `the PDF's compressed streams expand to more than ${megabytes(limit)} together — ${DID_NOT_OPEN}`,
  );
}

function tangled(): ImportError {
  return new ImportError(
    'DAMAGED_FILE',
    'the PDF is built too oddly to check it for a "decompression bomb"; Margin did not open it',
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / MB).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;
}
