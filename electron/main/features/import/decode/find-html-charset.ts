/** How far into a page browsers look for `<meta charset>` before giving up (WHATWG prescan). */
const PRESCAN_BYTES = 1024 * 4;

/**
 * The charset a page declares in its `<meta charset=…>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, found in the first bytes
 * read as ASCII (every charset a page may declare this way is ASCII-compatible there).
 */
export function findHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    // A page that could be read as ASCII to find this is not UTF-16 (browsers use UTF-8).
    if (direct) return /^utf-16/i.test(direct[1]!) ? 'utf-8' : direct[1]!;
  }
  return null;
}
