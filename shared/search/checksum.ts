/**
 * A 32-bit FNV-1a-style hash over 32-bit words (then the tail bytes): fast enough to run
 * over tens of megabytes on every load, and it catches truncation and flipped bytes.
 * `from` must be a multiple of 4 and `bytes.byteOffset` too.
 */
export function checksum(bytes: Uint8Array, from: number): number {
  const wordEnd = from + ((bytes.length - from) & ~3);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, (wordEnd - from) >>> 2);
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i]!, 0x01000193);
  for (let i = wordEnd; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return (hash ^ (hash >>> 15)) >>> 0;
}
