import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX_BYTES, safeFileName } from '../safe-file-name';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const stemOf = (name: string, extension: string) => name.slice(0, -(extension.length + 1));

/** What Windows, macOS or Linux refuse, or what hides in a name: none may be in a result. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[/\\:*?"<>|\u0000-\u001F\u007F-\u009F]/;
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const FORMAT_EXCEPT_JOINERS = /(?![\u200C\u200D])\p{Cf}/u;
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;

/** Windows decides on the part before the first dot, without trailing spaces. */
function isReservedOnWindows(name: string): boolean {
  return RESERVED.test(name.split('.')[0]!.trimEnd());
}

/** Pieces that make titles hard: separators, controls, bidi, joiners, device names, long runs. */
const nastyUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...'/\\:*?"<>|. -_\t\n\r\u0000\u007F\u0085\u009F\u00A0\u00AD\u200B\u200C\u200D\u200E\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u2060\uFEFF\u3000\u0301\u0308¹²³'.split(
        '',
      ),
      'CON',
      'con',
      'PRN',
      'Aux',
      'nul',
      'COM1',
      'com¹',
      'LPT9',
      'lpt³',
      '..',
      ' - ',
      '👨‍👩‍👧',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
      '\uD83D',
      '\uDE00',
      'x'.repeat(40),
      'é'.repeat(30),
      '語'.repeat(25),
    ),
  },
);
const nastyTitle = fc.string({ unit: nastyUnit, maxLength: 60 });
const extension = fc.constantFrom('md', 'jsonld', 'json', 'zip', 'txt');

describe('safeFileName', () => {
  it('proposes a readable name for an ordinary title', () => {
    expect(safeFileName('Microsoft: OpenAI-Deal / Q3?', 'md')).toBe(
      'Microsoft - OpenAI-Deal - Q3.md',
    );
    expect(safeFileName('Q3/Q4 results at 10:30', 'md')).toBe('Q3-Q4 results at 10-30.md');
    expect(safeFileName('He said "buy" <now> | *really*', 'md')).toBe(
      "He said 'buy' now - really.md",
    );
    expect(safeFileName('  Tabs\tand\nnew lines   everywhere  ', 'md')).toBe(
      'Tabs and new lines everywhere.md',
    );
  });

  it('keeps German, French, CJK and emoji titles as they are, in NFC', () => {
    expect(safeFileName('Übernahme: Straße frei für Ærø-Fähren', 'md')).toBe(
      'Übernahme - Straße frei für Ærø-Fähren.md',
    );
    expect(safeFileName('Société Générale : résultats T3', 'jsonld')).toBe(
      'Société Générale - résultats T3.jsonld',
    );
    expect(safeFileName('トヨタ自動車、決算発表', 'md')).toBe('トヨタ自動車、決算発表.md');
    expect(safeFileName('腾讯控股 2026年 Q3', 'md')).toBe('腾讯控股 2026年 Q3.md');
    expect(safeFileName('Rocket 🚀 family 👨‍👩‍👧 flag 🇩🇪', 'md')).toBe(
      'Rocket 🚀 family 👨‍👩‍👧 flag 🇩🇪.md',
    );
    const nfd = 'Mu\u0308ller a\u0300 la Cre\u0300me'.normalize('NFD');
    expect(safeFileName(nfd, 'md')).toBe('Müller à la Crème.md');
  });

  it('makes Windows device names ordinary names, with or without an extension', () => {
    expect(safeFileName('CON', 'md')).toBe('CON_.md');
    expect(safeFileName('con.md', 'md')).toBe('con_.md.md');
    expect(safeFileName('CON .txt', 'md')).toBe('CON_ .txt.md');
    expect(safeFileName('nul', 'zip')).toBe('nul_.zip');
    expect(safeFileName('Com1', 'md')).toBe('Com1_.md');
    expect(safeFileName('LPT¹', 'md')).toBe('LPT¹_.md');
    expect(safeFileName('aux.tar.gz', 'md')).toBe('aux_.tar.gz.md');
    // Not reserved: longer words and names that merely start with a device name.
    expect(safeFileName('Console', 'md')).toBe('Console.md');
    expect(safeFileName('CON report', 'md')).toBe('CON report.md');
    expect(safeFileName('COM10', 'md')).toBe('COM10.md');
  });

  it('never climbs out of the folder or hides the file', () => {
    expect(safeFileName('../../etc/passwd', 'md')).toBe('etc-passwd.md');
    expect(safeFileName('..\\..\\Windows\\win.ini', 'md')).toBe('Windows-win.ini.md');
    expect(safeFileName('..', 'md')).toBe('Untitled.md');
    expect(safeFileName('.', 'md')).toBe('Untitled.md');
    expect(safeFileName('.hidden notes', 'md')).toBe('hidden notes.md');
    expect(safeFileName('Apple Inc.', 'md')).toBe('Apple Inc.md');
    expect(safeFileName('Rates ...', 'md')).toBe('Rates.md');
  });

  it('falls back to Untitled when nothing of the title is left', () => {
    for (const title of [
      '',
      '   ',
      '///',
      '?*<>',
      '\u202E\u200B\uFEFF',
      '\u0000\u0001',
      ' . / . ',
    ]) {
      expect(safeFileName(title, 'md')).toBe('Untitled.md');
    }
  });

  it('drops invisible characters that could disguise the name', () => {
    // "report<RLO>fdp.exe" shows as "reportexe.pdf" in a file manager.
    expect(safeFileName('report\u202Efdp.exe', 'md')).toBe('reportfdp.exe.md');
    expect(safeFileName('A\u2066B\u2069C\u200BD\uFEFFE\u00ADF', 'md')).toBe('ABCDEF.md');
    expect(safeFileName('Wall\u0085Street\u009B', 'md')).toBe('Wall Street.md');
    // A removed character between a letter and its accent: the result is still NFC.
    expect(safeFileName('e\u200B\u0301t\u00E9', 'md')).toBe('\u00E9t\u00E9.md');
  });

  it('replaces lone surrogates instead of producing a name no file system can store', () => {
    expect(safeFileName('Q3 \uD800 results\uDC00', 'md')).toBe('Q3 results.md');
    expect(safeFileName('\uDE00\uD83D', 'md')).toBe('Untitled.md');
  });

  it('cuts a 400-character title to 150 bytes at a word-safe grapheme boundary', () => {
    const title = 'Quarterly review of the semiconductor supply chain '.repeat(8).slice(0, 400);
    const name = safeFileName(title, 'md');
    expect(bytes(name)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    expect(bytes(name)).toBeGreaterThan(FILE_NAME_MAX_BYTES - 20);
    expect(title.startsWith(stemOf(name, 'md'))).toBe(true);
    expect(name).toMatch(/\S\.md$/);
  });

  it('never splits a surrogate pair, a combining sequence or an emoji ZWJ sequence', () => {
    const family = '👨‍👩‍👧‍👦'; // 25 bytes
    const family6 = safeFileName(family.repeat(6) + 'x', 'md'); // 150 + 1 + 3 bytes: cut
    expect(family6).toBe(family.repeat(5) + '.md');
    const accented = 'x\u0301\u0302\u0303'; // no precomposed form: 7 bytes
    expect(safeFileName(accented.repeat(60), 'md')).toBe(accented.repeat(21) + '.md');
    const astral = '𝔘'.repeat(100); // 4 bytes each
    expect(stemOf(safeFileName(astral, 'md'), 'md')).toBe('𝔘'.repeat(36));
  });

  it('does not leave a dangling dash or dot where the cut fell', () => {
    // 147 bytes are left for the stem: the cut falls right after " - " and after ". ".
    const title = `${'a'.repeat(144)} / the rest`;
    expect(safeFileName(title, 'md')).toBe(`${'a'.repeat(144)}.md`);
    expect(safeFileName(`${'b'.repeat(145)}. tail`, 'md')).toBe(`${'b'.repeat(145)}.md`);
  });

  it('refuses an extension that is not letters and digits', () => {
    expect(() => safeFileName('x', '.md')).toThrow();
    expect(() => safeFileName('x', '')).toThrow();
    expect(() => safeFileName('x', 'a/b')).toThrow();
  });

  describe('for any title', () => {
    const property = (check: (name: string, title: string, ext: string) => void) =>
      fc.assert(
        fc.property(nastyTitle, extension, (title, ext) => {
          check(safeFileName(title, ext), title, ext);
        }),
        { numRuns: 2000 },
      );

    it('contains no separator, reserved character, control or invisible character', () => {
      property((name) => {
        expect(name).not.toMatch(FORBIDDEN_CHARS);
        expect(name).not.toMatch(INVISIBLE);
        expect(name).not.toMatch(FORMAT_EXCEPT_JOINERS);
      });
    });

    it('is at most 150 bytes of well-formed, NFC text', () => {
      property((name) => {
        expect(bytes(name)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
        expect(name.isWellFormed()).toBe(true);
        expect(name.normalize('NFC')).toBe(name);
      });
    });

    it('ends with .<ext>, is not hidden, and its stem has no space or dot at either end', () => {
      property((name, _title, ext) => {
        expect(name.endsWith(`.${ext}`)).toBe(true);
        const stem = stemOf(name, ext);
        expect(stem.length).toBeGreaterThan(0);
        expect(stem).not.toMatch(/^[\s.]|[\s.]$/);
        expect(stem).not.toMatch(/\s\s/);
      });
    });

    it('is never a Windows device name', () => {
      property((name) => expect(isReservedOnWindows(name)).toBe(false));
    });

    it('is idempotent: the stem of a result gives the same result', () => {
      property((name, _title, ext) => {
        expect(safeFileName(stemOf(name, ext), ext)).toBe(name);
      });
    });
  });
});
