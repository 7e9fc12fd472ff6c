import iconv from 'iconv-lite';
import type { FuzzRandom } from './fuzz-random';

/** Charsets a text can arrive in; UTF-7 and UTF-32 are legal but rare, so seldom tested. */
const ENCODINGS = [
  'windows-1252',
  'iso-8859-2',
  'koi8-r',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
  'utf-7',
  'utf-32le',
  'utf-32be',
  'cesu8',
];

/** Labels a server or a `<meta>` may declare: real, misspelt, quoted, or not charsets at all. */
const DECLARED_LABELS = [
  'utf-8',
  'UTF8',
  '"utf-8"',
  ' iso-8859-1 ',
  'latin1',
  'utf-16',
  'utf-16be',
  'UTF-32',
  'unicode-1-1-utf-7',
  'x-user-defined',
  'x-bogus',
  '',
  'base64',
  'hex',
  'binary',
  'ucs2',
  'utf-8; q=0.1',
  '\u0000',
  'a'.repeat(1000),
  ...ENCODINGS,
];

const BOMS: Record<string, number[]> = {
  'utf-8': [0xef, 0xbb, 0xbf],
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
};

export interface EncodedText {
  bytes: Uint8Array;
  /** What the "server" claims; null when nothing is declared. */
  declaredCharset: string | null;
  applied: string[];
}

/**
 * Encodes a text seed mostly as UTF-8, sometimes in another charset or behind a byte-order
 * mark, and declares a charset that is right, wrong or nonsense (`declare` false: none).
 */
export function encodeOddly(text: string, random: FuzzRandom, declare: boolean): EncodedText {
  const applied: string[] = [];
  let encoding = 'utf-8';
  let bytes: Uint8Array;
  const roll = random.float();
  if (roll < 0.6) {
    bytes = Buffer.from(text, 'utf8');
  } else if (roll < 0.8) {
    encoding = random.pick(Object.keys(BOMS));
    const withBom = random.chance(0.7);
    const body = iconv.encode(text, encoding);
    bytes = withBom ? Buffer.concat([Buffer.from(BOMS[encoding]!), body]) : body;
    applied.push(`encode:${encoding}${withBom ? '+bom' : ''}`);
  } else {
    encoding = random.pick(ENCODINGS);
    bytes = iconv.encode(text, encoding);
    applied.push(`encode:${encoding}`);
  }
  let declaredCharset: string | null = null;
  if (declare && random.chance(0.5)) {
    declaredCharset = random.chance(0.3) ? encoding : random.pick(DECLARED_LABELS);
    applied.push(`declare:${JSON.stringify(declaredCharset.slice(0, 40))}`);
  }
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    declaredCharset,
    applied,
  };
}
