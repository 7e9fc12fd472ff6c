/**
 * The whole name, extension included, in UTF-8 bytes: ext4 and APFS allow 255, and a
 * shorter name leaves room for the folder path and for Windows' 260-character paths.
 */
export const FILE_NAME_MAX_BYTES = 150;

/** What the save dialog proposes when nothing of the title is left. */
const FALLBACK_STEM = 'Untitled';

/**
 * Only the first ~150 bytes survive anyway; capping the input keeps the regexes below
 * linear in practice on pathological titles (thousands of invisible characters).
 */
const MAX_INPUT_CHARS = 2048;

/** Stands in for a path separator until the edges are trimmed; a noncharacter, so never input. */
const SEPARATOR = '\uFFFF';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /\p{Cc}/gu;
/**
 * Format characters are invisible: bidi overrides and isolates (they can make
 * "report<U+202E>fdp.exe" look like `reportexe.pdf`), zero-width spaces, word joiner, BOM, soft
 * hyphen. ZWJ and ZWNJ stay inside words: emoji sequences and Persian or Indic words need them.
 */
const INVISIBLE = /(?![\u200C-\u200D])[\p{Cf}\p{Noncharacter_Code_Point}]/gu;
/** A separator in a title ("Microsoft: Q3", "Q3/Q4", "A | B") becomes a dash. */
const SEPARATORS = /[:/\\|]/g;
/** The rest of what Windows forbids in a name. */
const FORBIDDEN = /[*?<>]/g;
/** Whitespace runs, with any joiner that touches them (a joiner joins nothing there). */
const WHITESPACE_RUN = /[\s\u200C-\u200D]*\s[\s\u200C-\u200D]*/gu;
const SEPARATOR_RUN = /[ \u200C-\u200D]*\uFFFF[\uFFFF \u200C-\u200D]*/g;
/**
 * Windows device names, reserved with any extension (`con.md`) and trailing spaces
 * (`CON .txt`); Windows also reserves COM and LPT with superscript digits.
 */
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$|CLOCK\$)$/i;
/** Characters a name may neither start nor end with: hidden files, stripped by Windows. */
const EDGE = new Set([' ', '.', '\u200C', '\u200D']);
const EDGE_BEFORE_SEPARATORS = /^[\s.\u200C-\u200D\uFFFF]+|[\s.\u200C-\u200D\uFFFF]+$/gu;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Drops spaces, dots and joiners at both ends, and a trailing dash that only separated
 * the stem from words a cut removed ("Microsoft - " → "Microsoft").
 */
function tidyEnds(stem: string): string {
  let start = 0;
  while (start < stem.length && EDGE.has(stem[start]!)) start += 1;
  let end = stem.length;
  while (end > start) {
    if (EDGE.has(stem[end - 1]!)) {
      end -= 1;
      continue;
    }
    let dashes = end;
    while (dashes > start && stem[dashes - 1] === '-') dashes -= 1;
    if (dashes === end || dashes === start || stem[dashes - 1] !== ' ') break;
    end = dashes - 1;
  }
  return stem.slice(start, end);
}

function cleanStem(title: string): string {
  const text = title
    .slice(0, MAX_INPUT_CHARS)
    .replace(LONE_SURROGATE, ' ')
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(SEPARATORS, SEPARATOR)
    .replace(FORBIDDEN, ' ')
    .replace(/"/g, "'")
    // Again: a removed invisible character may have separated a letter from its accent.
    .normalize('NFC')
    .replace(WHITESPACE_RUN, ' ')
    // A separator at either end separates nothing ("../../etc/passwd").
    .replace(EDGE_BEFORE_SEPARATORS, '')
    .replace(SEPARATOR_RUN, (run) => (run.includes(' ') ? ' - ' : '-'));
  return tidyEnds(text);
}

/** The longest run of whole graphemes that fits `budget` bytes, tidied again after the cut. */
function fitBytes(stem: string, budget: number): string {
  if (utf8Bytes(stem) <= budget) return stem;
  let kept = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(stem)) {
    const size = utf8Bytes(segment);
    if (bytes + size > budget) break;
    kept += segment;
    bytes += size;
  }
  return tidyEnds(kept);
}

/** `CON.md` → `CON_.md`: a suffix right after the device name makes it an ordinary name. */
function unreserve(stem: string): string {
  const dot = stem.indexOf('.');
  const base = (dot === -1 ? stem : stem.slice(0, dot)).trimEnd();
  return RESERVED.test(base) ? `${base}_${stem.slice(base.length)}` : stem;
}

/**
 * The file name a save dialog proposes for an export of `title`: safe on Windows, macOS
 * and Linux, at most FILE_NAME_MAX_BYTES of UTF-8, NFC, never hidden, never a device name.
 * `extension` is ours (no dot). Idempotent: the stem of a result gives the same result.
 *
 * `safeFileName('Microsoft: OpenAI-Deal / Q3?', 'md')` → `Microsoft - OpenAI-Deal - Q3.md`
 */
export function safeFileName(title: string, extension: string): string {
  if (!/^[A-Za-z0-9]{1,16}$/.test(extension)) {
    throw new Error(`safeFileName: an extension is 1–16 letters and digits, without a dot`);
  }
  const budget = FILE_NAME_MAX_BYTES - extension.length - 1;
  let stem = fitBytes(cleanStem(title), budget);
  if (stem === '') stem = FALLBACK_STEM;
  // The suffix lands within the first eight characters, so a second cut never reaches it.
  stem = fitBytes(unreserve(stem), budget);
  return `${stem}.${extension}`;
}
