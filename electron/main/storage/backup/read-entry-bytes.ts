import { inflateRawSync } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import type { BlockReader } from './block-reader';

/**
 * One zip entry's bytes, inflated: read through the block cache and inflated at once
 * (a zlib stream per entry costs a millisecond of overhead each). Refuses to produce more
 * than `maxBytes`, whatever the entry's header says; throws on anything malformed.
 */
export async function readEntryBytes(
  zip: ZipFile,
  reader: BlockReader,
  entry: Entry,
  maxBytes: number,
): Promise<Buffer> {
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const raw = await reader.bytes(fileDataStart, fileDataStart + entry.compressedSize);
  if (entry.compressionMethod === 0) {
    if (raw.length > maxBytes) throw new Error(`the entry holds more than ${maxBytes} bytes`);
    return raw;
  }
  if (entry.compressionMethod !== 8) throw new Error('the entry is compressed in an unknown way');
  return inflateRawSync(raw, { maxOutputLength: Math.max(maxBytes, 1) });
}
