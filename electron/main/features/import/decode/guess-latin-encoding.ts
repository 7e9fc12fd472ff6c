/** Bytes where ISO-8859-15 differs from Windows-1252: €, Š, š, Ž, ž, Œ, œ, Ÿ. */
const LATIN9_ONLY = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);

const isLetter = (byte: number | undefined) =>
  byte !== undefined &&
  ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte >= 0xc0);

/**
 * Windows-1252 or ISO-8859-15 for single-byte Latin text. Bytes 0x80–0x9F are printable
 * only in Windows-1252 („ “ – € …), so their presence settles it. Without them, the
 * eight bytes that differ decide: ¤ is all but unused, so 0xA4 means €, and ½ ¼ ¾ ´ ¸ ¨
 * do not sit inside words, so such a byte next to a letter means œ, Œ, Ÿ, Š, š, Ž or ž.
 */
export function guessLatinEncoding(bytes: Uint8Array): 'windows-1252' | 'iso-8859-15' {
  let latin9Evidence = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80 && byte <= 0x9f) return 'windows-1252';
    if (!latin9Evidence && LATIN9_ONLY.has(byte)) {
      latin9Evidence = byte === 0xa4 || isLetter(bytes[i - 1]) || isLetter(bytes[i + 1]);
    }
  }
  return latin9Evidence ? 'iso-8859-15' : 'windows-1252';
}
