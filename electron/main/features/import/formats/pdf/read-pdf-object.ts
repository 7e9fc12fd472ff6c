/**
 * Just enough of a PDF object reader to see a stream's dictionary as pdf.js will: names
 * with `#xx` escapes decoded, strings and comments skipped, `12 0 R` read as a reference.
 * It follows pdf.js's Lexer and Parser (pdfjs-dist 5.x, src/core/parser.js) wherever
 * the difference could hide a filter from us; values that never matter here stay opaque.
 */

/** A PDF name, escapes decoded: `/Fl#61teDecode` is `FlateDecode`. */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference (`12 0 R`); its target is not looked up. */
export const PDF_REF = Symbol('indirect reference');
/** A string, boolean, null or stray keyword: present, but its value never matters here. */
export const PDF_OTHER = Symbol('other value');

export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | PdfName | typeof PDF_REF | typeof PDF_OTHER | PdfValue[] | PdfDict;

/** A keyword (`stream`, `R`, `true`) or a delimiter (`<<`, `]`). */
class Keyword {
  constructor(readonly word: string) {}
}
type Token = number | PdfName | Keyword | typeof PDF_OTHER | null;

/** Thrown when reading would pass the caller's byte budget. */
export class ReadBudgetExceeded extends Error {}

/** How many bytes all readers together may still look at (shared, so scans stay linear). */
export interface ReadBudget {
  bytesLeft: number;
}

// Nesting deeper than this is no honest file: it is skipped over, not read, so a crafted
// file cannot exhaust the stack.
const MAX_NESTING = 100;

const WHITESPACE = charSet('\0\t\n\f\r ');
const DELIMITER = charSet('()<>[]{}/%');
const DIGIT = charSet('0123456789');

function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(256);
  for (const char of chars) set[char.charCodeAt(0)] = 1;
  return set;
}

/** A hex digit's value, or -1. */
export function hexDigit(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if ((byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)) return (byte & 0x0f) + 9;
  return -1;
}

/** Reads tokens and objects from a position in the file, charging every byte to a budget. */
export class PdfReader {
  private readonly ahead: { token: Token; end: number }[] = [];
  private readPos: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly budget: ReadBudget,
  ) {
    this.readPos = start;
  }

  /** True when the next token is `<<` (the only start of a stream object). */
  atDictionary(): boolean {
    return isKeyword(this.peek(0), '<<');
  }

  /** Reads a keyword and returns the offset just past it, or -1 when the next token differs. */
  expectKeyword(word: string): number {
    const next = this.ahead.length > 0 ? this.ahead.shift()! : this.lex();
    return next.token instanceof Keyword && next.token.word === word ? next.end : -1;
  }

  /** One whole object; anything nested too deeply comes back as PDF_OTHER. */
  readObject(depth = 0): PdfValue {
    const token = this.next();
    if (isKeyword(token, '<<') || isKeyword(token, '[')) {
      if (depth >= MAX_NESTING) return this.skipNested();
      return isKeyword(token, '<<') ? this.readDict(depth) : this.readArray(depth);
    }
    if (typeof token === 'number') {
      // As pdf.js: an integer, an integer and `R` make a reference.
      const isReference =
        Number.isInteger(token) && Number.isInteger(this.peek(0)) && isKeyword(this.peek(1), 'R');
      if (isReference) {
        this.next();
        this.next();
        return PDF_REF;
      }
      return token;
    }
    return token instanceof Keyword || token === null ? PDF_OTHER : token;
  }

  private readDict(depth: number): PdfDict {
    const dict: PdfDict = new Map();
    for (;;) {
      const key = this.peek(0);
      if (key === null || isKeyword(key, '>>')) break;
      this.next();
      // pdf.js skips a key that is not a name and reads on.
      if (!(key instanceof PdfName)) continue;
      if (this.peek(0) === null) break;
      dict.set(key.name, this.readObject(depth + 1));
    }
    this.next();
    return dict;
  }

  private readArray(depth: number): PdfValue[] {
    const array: PdfValue[] = [];
    for (;;) {
      const item = this.peek(0);
      if (item === null || isKeyword(item, ']')) break;
      array.push(this.readObject(depth + 1));
    }
    this.next();
    return array;
  }

  /** Past the end of a dictionary or array too deep to be worth reading. */
  private skipNested(): typeof PDF_OTHER {
    for (let open = 1; open > 0;) {
      const token = this.next();
      if (token === null) break;
      if (isKeyword(token, '<<') || isKeyword(token, '[')) open++;
      else if (isKeyword(token, '>>') || isKeyword(token, ']')) open--;
    }
    return PDF_OTHER;
  }

  private next(): Token {
    return (this.ahead.length > 0 ? this.ahead.shift()! : this.lex()).token;
  }

  private peek(index: number): Token {
    while (this.ahead.length <= index) this.ahead.push(this.lex());
    return this.ahead[index]!.token;
  }

  private lex(): { token: Token; end: number } {
    const start = this.readPos;
    const token = this.lexToken();
    this.budget.bytesLeft -= this.readPos - start;
    if (this.budget.bytesLeft < 0) throw new ReadBudgetExceeded();
    return { token, end: this.readPos };
  }

  private lexToken(): Token {
    const bytes = this.bytes;
    let pos = this.skipBlanks(this.readPos);
    const byte = bytes[pos];
    if (byte === undefined) {
      this.readPos = pos;
      return null;
    }
    let token: Token;
    if (byte === 0x2f) {
      [token, pos] = this.lexName(pos + 1);
    } else if (byte === 0x28) {
      pos = this.skipString(pos + 1);
      token = PDF_OTHER;
    } else if (byte === 0x3c || byte === 0x3e) {
      if (bytes[pos + 1] === byte) {
        token = new Keyword(byte === 0x3c ? '<<' : '>>');
        pos += 2;
      } else if (byte === 0x3c) {
        const close = bytes.indexOf(0x3e, pos + 1);
        pos = close < 0 ? bytes.length : close + 1;
        token = PDF_OTHER;
      } else {
        token = new Keyword('>');
        pos += 1;
      }
    } else if (byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d || byte === 0x29) {
      token = new Keyword(String.fromCharCode(byte));
      pos += 1;
    } else if (DIGIT[byte] || byte === 0x2b || byte === 0x2d || byte === 0x2e) {
      [token, pos] = this.lexNumber(pos);
    } else {
      const end = this.regularEnd(pos);
      token = new Keyword(latin1(bytes, pos, end));
      pos = end;
    }
    this.readPos = pos;
    return token;
  }

  private skipBlanks(from: number): number {
    const bytes = this.bytes;
    let pos = from;
    for (;;) {
      const byte = bytes[pos];
      if (byte === undefined) return pos;
      if (WHITESPACE[byte]) pos++;
      else if (byte === 0x25) {
        while (pos < bytes.length && bytes[pos] !== 0x0a && bytes[pos] !== 0x0d) pos++;
      } else return pos;
    }
  }

  private regularEnd(from: number): number {
    const bytes = this.bytes;
    let pos = from;
    while (pos < bytes.length && !WHITESPACE[bytes[pos]!] && !DELIMITER[bytes[pos]!]) pos++;
    return pos;
  }

  private lexName(from: number): [PdfName, number] {
    const bytes = this.bytes;
    const end = this.regularEnd(from);
    let name = '';
    for (let pos = from; pos < end; pos++) {
      const byte = bytes[pos]!;
      const high = byte === 0x23 ? hexDigit(bytes[pos + 1]) : -1;
      const low = high >= 0 && pos + 2 < end ? hexDigit(bytes[pos + 2]) : -1;
      if (low >= 0) {
        name += String.fromCharCode((high << 4) | low);
        pos += 2;
      } else {
        name += String.fromCharCode(byte);
      }
    }
    return [new PdfName(name), end];
  }

  /** A literal string: nested parentheses balance, a backslash escapes the next byte. */
  private skipString(from: number): number {
    const bytes = this.bytes;
    let depth = 1;
    let pos = from;
    while (pos < bytes.length) {
      const byte = bytes[pos++];
      if (byte === 0x5c) pos++;
      else if (byte === 0x28) depth++;
      else if (byte === 0x29 && --depth === 0) break;
    }
    return Math.min(pos, bytes.length);
  }

  /** Signs, digits and a decimal point; anything odder simply ends the number. */
  private lexNumber(from: number): [number, number] {
    const bytes = this.bytes;
    let pos = from;
    let sign = 1;
    if (bytes[pos] === 0x2d) {
      sign = -1;
      pos++;
      if (bytes[pos] === 0x2d) pos++; // "--5" is -5 to pdf.js and Acrobat.
    } else if (bytes[pos] === 0x2b) pos++;
    let value = 0;
    let scale = 0;
    for (; pos < bytes.length; pos++) {
      const byte = bytes[pos]!;
      if (DIGIT[byte]) {
        value = value * 10 + (byte - 0x30);
        if (scale > 0) scale *= 10;
      } else if (byte === 0x2e && scale === 0) scale = 1;
      else break;
    }
    return [(sign * value) / Math.max(scale, 1), Math.max(pos, from + 1)];
  }
}

function isKeyword(token: Token, word: string): boolean {
  return token instanceof Keyword && token.word === word;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  // Keywords are short; a long run is binary seen through a coincidental `obj`.
  if (end - start > 64)
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  let text = '';
  for (let pos = start; pos < end; pos++) text += String.fromCharCode(bytes[pos]!);
  return text;
}
