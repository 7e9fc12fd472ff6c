import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileDurably } from './durable-write';

/**
 * The derived index's cache file: a JSON header (what was indexed, and from which version
 * of each shard) followed by the search index's own bytes. It is a cache: a missing or
 * unreadable file only means the index is rebuilt from the shards.
 *
 *     "MRGN-IDX" · u32 header length (LE) · header JSON (UTF-8) · search index bytes
 */
const MAGIC = new TextEncoder().encode('MRGN-IDX');

export interface IndexCacheContents {
  header: unknown;
  searchBytes: Uint8Array;
}

export async function writeIndexCache(path: string, contents: IndexCacheContents): Promise<void> {
  const header = new TextEncoder().encode(JSON.stringify(contents.header));
  const bytes = new Uint8Array(MAGIC.length + 4 + header.length + contents.searchBytes.length);
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, header.length, true);
  bytes.set(header, MAGIC.length + 4);
  bytes.set(contents.searchBytes, MAGIC.length + 4 + header.length);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileDurably(path, bytes);
}

/** The cache's contents, or null when there is none or it is not a cache file at all. */
export async function readIndexCache(path: string): Promise<IndexCacheContents | null> {
  const file = await readFile(path).catch(() => null);
  if (!file || file.length < MAGIC.length + 4) return null;
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) return null;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > bytes.length) return null;
  try {
    const header: unknown = JSON.parse(
      new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, headerEnd)),
    );
    return { header, searchBytes: bytes.subarray(headerEnd) };
  } catch {
    return null;
  }
}

export async function removeIndexCache(path: string): Promise<void> {
  await rm(path, { force: true });
}
