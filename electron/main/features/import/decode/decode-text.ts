import chardet from 'chardet';
import iconv from 'iconv-lite';
import { findBomEncoding } from './find-bom-encoding';
import { guessLatinEncoding } from './guess-latin-encoding';
import { normalizeCharsetLabel } from './normalize-charset-label';

export interface DecodeOptions {
  /** The charset the source declared (HTTP `Content-Type`, `<meta charset>`), if any. */
  declaredCharset?: string | null | undefined;
}

export interface DecodedText {
  text: string;
  /** The encoding used, for the log and for tests. */
  encoding: string;
  /** How it was chosen. */
  by: 'bom' | 'declared' | 'utf-8' | 'detected';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Charsets chardet reports for Latin-script text, which the Latin guesser decides better. */
const LATIN_FAMILY = new Set(['iso-8859-1', 'iso-8859-15', 'windows-1252', 'utf-8', 'ascii']);
/** Below this confidence (0–100) chardet's guess of a non-Latin charset is not trusted. */
const MIN_DETECTION_CONFIDENCE = 50;

/**
 * Bytes to text the way a careful browser does: a byte-order mark wins, then the charset
 * the source declared, then valid UTF-8, then detection. Detection is chardet's for
 * non-Latin charsets (Cyrillic, CJK, …); for Latin text, where chardet confuses
 * ISO-8859-1, -15 and Windows-1252, a guesser looks at the bytes that tell them apart.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = findBomEncoding(bytes);
  if (bom) {
    return {
      text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding),
      encoding: bom.encoding,
      by: 'bom',
    };
  }
  const declared = normalizeCharsetLabel(options.declaredCharset);
  if (declared && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared, by: 'declared' };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', by: 'utf-8' };
  } catch {
    // Not UTF-8: detect below.
  }
  const [best] = chardet.analyse(bytes);
  const detected = normalizeCharsetLabel(best?.name);
  const encoding =
    detected &&
    !LATIN_FAMILY.has(detected) &&
    (best?.confidence ?? 0) >= MIN_DETECTION_CONFIDENCE &&
    iconv.encodingExists(detected)
      ? detected
      : guessLatinEncoding(bytes);
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, by: 'detected' };
}
