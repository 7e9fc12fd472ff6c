import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryOptions {
  mtime: Date;
  /** Unix mode with the file type (0o100600: a regular file, owner only). */
  mode: number;
}

interface WrittenEntry {
  name: Buffer;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  time: number;
  date: number;
  mode: number;
}

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const UTF8_NAMES = 1 << 11;
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
const MADE_BY_UNIX = 3 << 8;
const STORED = 0;
const DEFLATED = 8;
/** Small writes (headers) are gathered into writes of about this size. */
const WRITE_BYTES = 1024 * 1024;

/** MS-DOS date and time (local time, two-second steps), as zip headers hold them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/**
 * Writes a zip archive front to back through `sink`. yazl deflates each entry through its
 * own zlib stream on the thread pool, which costs about a millisecond per entry on top of
 * the work (20 s for the 20,000 files of an analyst-year, measured here); a library is
 * many small files, so this writer deflates each synchronously (about 0.15 ms for an
 * article) and streams it out at once.
 *
 * The central directory lists the entries in the order `finish` is given, which need not
 * be the order they were written in: a backup's manifest is known only once every file is
 * written, and still comes first in the directory, which is where readers list entries
 * from. Zip64 records are added when the archive needs them (65,535 entries or more,
 * 4 GiB or more); each entry must be under 4 GiB.
 */
export class ZipWriter {
  private readonly entries = new Map<string, WrittenEntry>();
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly sink: (bytes: Buffer) => Promise<void>,
    /** zlib level: 3 is as fast as 1 on JSON here, and nearly as small as 6. */
    private readonly level = 3,
  ) {}

  /** Bytes written so far (the archive's size once `finish` resolves). */
  get size(): number {
    return this.offset;
  }

  /** Adds a file, deflated unless that would not make it smaller. */
  async add(name: string, data: Uint8Array, { mtime, mode }: ZipEntryOptions): Promise<void> {
    if (this.entries.has(name)) throw new Error(`${name} is already in the zip`);
    if (data.length >= MAX32) throw new Error(`${name} is too large for a zip entry`);
    const deflated = deflateRawSync(data, { level: this.level });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const entry: WrittenEntry = {
      name: Buffer.from(name, 'utf8'),
      crc: crc32(data),
      method: stored ? STORED : DEFLATED,
      compressedSize: body.length,
      size: data.length,
      offset: this.offset,
      ...dosDateTime(mtime),
      mode,
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION_DEFAULT, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(entry.time, 10);
    header.writeUInt16LE(entry.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28); // no extra field
    this.entries.set(name, entry);
    await this.write(header, entry.name, body);
  }

  /**
   * Writes the central directory, listing the entries in `order` (every entry, once),
   * and the end records. Returns the archive's size.
   */
  async finish(order: readonly string[]): Promise<number> {
    if (order.length !== this.entries.size || new Set(order).size !== order.length) {
      throw new Error('the order must name every entry once');
    }
    const directoryStart = this.offset;
    for (const name of order) {
      const entry = this.entries.get(name);
      if (!entry) throw new Error(`${name} is not in the zip`);
      await this.write(...centralRecord(entry));
    }
    const directorySize = this.offset - directoryStart;
    const count = order.length;
    const zip64 = count >= MAX16 || directoryStart >= MAX32 || directorySize >= MAX32;
    if (zip64) {
      const recordOffset = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4); // the size of what follows
      record.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
      record.writeUInt16LE(VERSION_ZIP64, 14);
      record.writeUInt32LE(0, 16); // this disk
      record.writeUInt32LE(0, 20); // the disk where the directory starts
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(directorySize), 40);
      record.writeBigUInt64LE(BigInt(directoryStart), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(recordOffset), 8);
      locator.writeUInt32LE(1, 16); // disks in all
      await this.write(record, locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? MAX16 : count, 8);
    end.writeUInt16LE(zip64 ? MAX16 : count, 10);
    end.writeUInt32LE(zip64 ? MAX32 : directorySize, 12);
    end.writeUInt32LE(zip64 ? MAX32 : directoryStart, 16);
    await this.write(end);
    await this.flush();
    return this.offset;
  }

  private async write(...parts: Uint8Array[]): Promise<void> {
    for (const part of parts) {
      this.pending.push(Buffer.from(part.buffer, part.byteOffset, part.byteLength));
      this.pendingBytes += part.byteLength;
      this.offset += part.byteLength;
    }
    if (this.pendingBytes >= WRITE_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.sink(bytes);
  }
}

/** An entry's central directory record: fixed part, name, and a Zip64 offset when needed. */
function centralRecord(entry: WrittenEntry): Buffer[] {
  const farOffset = entry.offset >= MAX32;
  const extra = Buffer.alloc(farOffset ? 12 : 0);
  if (farOffset) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(BigInt(entry.offset), 4);
  }
  const version = farOffset ? VERSION_ZIP64 : VERSION_DEFAULT;
  const record = Buffer.alloc(46);
  record.writeUInt32LE(0x02014b50, 0);
  record.writeUInt16LE(MADE_BY_UNIX | version, 4);
  record.writeUInt16LE(version, 6);
  record.writeUInt16LE(UTF8_NAMES, 8);
  record.writeUInt16LE(entry.method, 10);
  record.writeUInt16LE(entry.time, 12);
  record.writeUInt16LE(entry.date, 14);
  record.writeUInt32LE(entry.crc, 16);
  record.writeUInt32LE(entry.compressedSize, 20);
  record.writeUInt32LE(entry.size, 24);
  record.writeUInt16LE(entry.name.length, 28);
  record.writeUInt16LE(extra.length, 30);
  record.writeUInt16LE(0, 32); // no comment
  record.writeUInt16LE(0, 34); // disk
  record.writeUInt16LE(0, 36); // internal attributes
  record.writeUInt32LE((entry.mode << 16) >>> 0, 38);
  record.writeUInt32LE(farOffset ? MAX32 : entry.offset, 42);
  return [record, entry.name, extra];
}
