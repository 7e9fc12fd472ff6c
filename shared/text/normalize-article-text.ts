import { repairC1Controls } from './repair-c1-controls';

/**
 * Invisible characters that only get in the way of reading and anchoring: soft hyphen,
 * zero-width space, word joiner and a stray byte-order mark. ZWJ/ZWNJ stay: they carry
 * meaning in Persian, Indic scripts and emoji.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

/**
 * Turns pasted or imported text into Margin's canonical text, against which highlights
 * anchor: C1 controls repaired (Windows-1252 read as Latin-1), Unicode NFC, `\n` line endings, invisible characters removed, no trailing
 * spaces on lines, at most one blank line in a row, no blank lines at either end.
 * Idempotent: normalising canonical text returns it unchanged, byte for byte.
 */
export function normalizeArticleText(raw: string): string {
  return (
    repairC1Controls(raw)
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(INVISIBLE, '')
      // The lookbehind keeps this linear: without it, a long run of spaces not at a line end
      // is retried from every one of its positions (quadratic; 400,000 spaces took minutes).
      .replace(/(?<![ \t\f\v])[ \t\f\v]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '')
  );
}
