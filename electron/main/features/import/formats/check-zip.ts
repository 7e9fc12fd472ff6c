import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ImportError } from '../import-error';

/** What a zip-based document may expand to before Margin refuses to unpack it. */
export interface ZipLimits {
  maxEntries: number;
  /** Sum of all entries once inflated, declared and actual. */
  maxTotalBytes: number;
  /** Highest compression ratio accepted for an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Small entries (XML boilerplate) compress extremely well and are harmless. */
  ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export interface CheckZipOptions {
  /** How the reason names a file that is not a zip at all: `.docx file`. */
  fileKind: string;
  limits?: Partial<ZipLimits>;
  /** Entries to hand back inflated (small ones only, such as metadata parts). */
  keep?: readonly string[];
  /** Larger kept entries are still checked but not returned. */
  keepMaxBytes?: number;
}

export interface CheckedZip {
  entryNames: ReadonlySet<string>;
  kept: ReadonlyMap<string, Buffer>;
}

/**
 * Proves a zip is safe to hand to a library that inflates it in memory (mammoth uses
 * JSZip): the central directory is read first and refused when its entry count, declared
 * sizes or compression ratios look like a zip bomb; then every entry is actually inflated,
 * counting bytes and discarding them, because declared sizes can lie. Nothing is written
 * anywhere. Throws ImportError DAMAGED_FILE.
 */
export async function checkZip(bytes: Uint8Array, options: CheckZipOptions): Promise<CheckedZip> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const keep = new Set(options.keep ?? []);
  const keepMaxBytes = options.keepMaxBytes ?? 1024 * 1024;
  const notValid = (cause?: unknown) =>
    new ImportError('DAMAGED_FILE', `the document is not a valid ${options.fileKind}`, { cause });

  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      // Sizes are checked here, against our own limits, so that a lie reads as a bomb.
      { lazyEntries: true, validateEntrySizes: false },
    );
  } catch (error) {
    throw notValid(error);
  }

  try {
    if (zip.entryCount > limits.maxEntries) throw tooManyEntries(limits);
    const entries: Entry[] = [];
    let declaredTotal = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        if (entries.length > limits.maxEntries) throw tooManyEntries(limits);
        declaredTotal += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxTotalBytes || declaredTotal > limits.maxTotalBytes) {
          throw tooBig(limits);
        }
        if (ratioTooHigh(entry.uncompressedSize, entry.compressedSize, limits)) {
          throw tooCompressed(limits);
        }
      }
    } catch (error) {
      throw error instanceof ImportError ? error : notValid(error);
    }

    const kept = new Map<string, Buffer>();
    let actualTotal = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const wanted = keep.has(entry.fileName) && entry.uncompressedSize <= keepMaxBytes;
      const chunks: Buffer[] = [];
      let entryBytes = 0;
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (error) {
        throw notValid(error);
      }
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          entryBytes += chunk.length;
          actualTotal += chunk.length;
          if (actualTotal > limits.maxTotalBytes) throw tooBig(limits);
          if (ratioTooHigh(entryBytes, entry.compressedSize, limits)) throw tooCompressed(limits);
          if (wanted && entryBytes <= keepMaxBytes) chunks.push(chunk);
        }
      } catch (error) {
        throw error instanceof ImportError ? error : notValid(error);
      } finally {
        stream.destroy();
      }
      // A size that lied but stayed under the limits still marks a tampered file.
      if (entryBytes !== entry.uncompressedSize) throw notValid();
      if (wanted && entryBytes <= keepMaxBytes) kept.set(entry.fileName, Buffer.concat(chunks));
    }
    return { entryNames: new Set(entries.map((e) => e.fileName)), kept };
  } finally {
    zip.close();
  }
}

function ratioTooHigh(inflated: number, compressed: number, limits: ZipLimits): boolean {
  return inflated > limits.ratioFloorBytes && inflated > limits.maxRatio * Math.max(compressed, 1);
}

function tooManyEntries(limits: ZipLimits): ImportError {
  return new ImportError(
    'DAMAGED_FILE',
    `the document holds more than ${limits.maxEntries.toLocaleString('en-US')} files inside, which looks like a zip bomb`,
  );
}

function tooBig(limits: ZipLimits): ImportError {
  return new ImportError(
    'DAMAGED_FILE',
    `the document expands to more than ${megabytes(limits.maxTotalBytes)} when unpacked, which looks like a zip bomb`,
  );
}

function tooCompressed(limits: ZipLimits): ImportError {
  return new ImportError(
    'DAMAGED_FILE',
    `the document is compressed more than ${String(limits.maxRatio)}-fold, which looks like a zip bomb`,
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}
