import type { FuzzRandom } from './fuzz-random';
import {
  DOCX_XML_FRAGMENTS,
  EML_FRAGMENTS,
  HTML_FRAGMENTS,
  MARKDOWN_FRAGMENTS,
} from './hostile-fragments';
import { MAX_CASE_BYTES } from './mutate-bytes';
import type { MutationLimits } from './mutation-limits';

/** Which grammar a text seed follows: decides its tokens, fragments and nesting. */
export type MarkupDialect = 'html' | 'markdown' | 'text' | 'eml' | 'xml';

type TextMutation = (
  text: string,
  random: FuzzRandom,
  dialect: MarkupDialect,
  limits: MutationLimits,
) => string;

const FRAGMENTS: Record<MarkupDialect, readonly string[]> = {
  html: HTML_FRAGMENTS,
  markdown: MARKDOWN_FRAGMENTS,
  text: MARKDOWN_FRAGMENTS,
  eml: EML_FRAGMENTS,
  xml: DOCX_XML_FRAGMENTS,
};

/** Builds `depth` levels of nesting around a little text. */
type Nesting = (depth: number) => string;

const pair =
  (open: string, close: string): Nesting =>
  (depth) =>
    open.repeat(depth) + 'nested text' + close.repeat(depth);

/** Nesting by indentation grows quadratically in size, so it stops at 2,000 levels. */
const indented =
  (line: (level: number) => string): Nesting =>
  (depth) =>
    Array.from({ length: Math.min(depth, 2_000) }, (_, level) => line(level)).join('');

/** Nesting thousands deep: recursion in a parser or walker shows up as a crash. */
const NESTING: Record<MarkupDialect, readonly Nesting[]> = {
  html: [
    pair('<div>', '</div>'),
    pair('<b><i>', '</i></b>'),
    pair('<table><tr><td>', '</td></tr></table>'),
    pair('<ul><li>', '</li></ul>'),
    pair('<blockquote>', '</blockquote>'),
    pair('<a href="https://a.example/">', '</a>'),
    pair('<svg><g>', '</g></svg>'),
    pair('<math><mrow>', '</mrow></math>'),
    pair('<span>', ''),
    pair('<p>', ''),
  ],
  markdown: [
    pair('> ', ''), // quotes in quotes, on one line
    pair('- ', ''), // lists in lists, on one line
    pair('1. ', ''),
    indented((level) => `${'  '.repeat(level)}- item ${level}\n`),
    indented((level) => `${'>'.repeat(level + 1)} quote ${level}\n`),
    pair('[', ']'),
    pair('*', '*'),
    pair('<div>', '</div>'),
    pair('![', '](x)'),
  ],
  text: [pair('\u202E', '\u202C'), pair('(', ')'), pair('> ', '')],
  eml: [pair('> ', ''), indented((level) => `${'>'.repeat(level + 1)} quote\r\n`)],
  xml: [
    pair('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'),
    pair('<w:tbl><w:tr><w:tc>', '<w:p/></w:tc></w:tr></w:tbl>'),
    pair('<w:hyperlink w:anchor="a">', '</w:hyperlink>'),
    pair('<w:r>', '</w:r>'),
    pair('<w:ins><w:del>', '</w:del></w:ins>'),
  ],
};

/** Characters that change how the rest of the text parses when one goes missing or appears. */
const STRUCTURAL = {
  html: '<>"\'/=&;!-',
  markdown: '[]()*_`#>|-!<\n',
  text: '\n\r\t ',
  eml: ':;="\r\n-',
  xml: '<>"\'/=&;:',
} satisfies Record<MarkupDialect, string>;

const ODD_CHARACTERS = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  '\uFEFF',
  '\u0085',
  '\u009B',
  '\u202E',
  '\u2028',
  '\u200D',
  '\u0301'.repeat(500),
  '👨‍👩‍👧‍👦',
  '\r',
  '\t\v\f',
];

/**
 * Mostly a few hundred levels; now and then up to the limit. Rarely, as nesting costs
 * superlinear time in the HTML pipeline: each such case ends in the pool's timeout.
 */
export function nestingDepth(random: FuzzRandom, limits: MutationLimits): number {
  const usual = Math.min(300, limits.maxNesting);
  return random.chance(0.05) && limits.maxNesting > usual
    ? random.small(usual, limits.maxNesting)
    : random.small(2, usual);
}

/** Tokens: tags and text runs in markup, lines elsewhere. */
function tokens(text: string, dialect: MarkupDialect): string[] {
  const pattern = dialect === 'html' || dialect === 'xml' ? /<[^>]*>|[^<]+/g : /[^\n]*\n|[^\n]+$/g;
  return text.match(pattern) ?? [];
}

/** A place where a fragment fits: before a tag in markup, at a line start elsewhere. */
function boundary(text: string, random: FuzzRandom, dialect: MarkupDialect): number {
  const mark = dialect === 'html' || dialect === 'xml' ? '<' : '\n';
  const from = random.int(text.length + 1);
  const at = text.indexOf(mark, from);
  return at < 0 ? from : dialect === 'html' || dialect === 'xml' ? at : at + 1;
}

const insertAt = (text: string, at: number, inserted: string) =>
  text.slice(0, at) + inserted + text.slice(at);

/** Structure-aware mutations of a text seed, by name. */
export const textMutations: Record<string, TextMutation> = {
  insertFragment(text, random, dialect) {
    const fragment = random.pick(FRAGMENTS[dialect]);
    const separator =
      dialect === 'eml' || dialect === 'markdown' ? '\r\n'.slice(random.int(2)) : '';
    return insertAt(text, boundary(text, random, dialect), fragment + separator);
  },
  deepNesting(text, random, dialect, limits) {
    const nested = random.pick(NESTING[dialect])(nestingDepth(random, limits));
    return insertAt(text, boundary(text, random, dialect), nested);
  },
  hugeToken(text, random, dialect, limits) {
    const size = random.chance(0.2)
      ? random.small(20_000, Math.max(20_000, limits.maxTokenChars))
      : random.small(100, 20_000);
    const filler = random
      .pick(['a', ' ', '&amp;', 'ü', '\u0301', '"', '-', '=', '\\'])
      .repeat(size);
    const huge =
      dialect === 'html'
        ? `<a href="https://a.example/${filler}" title="${filler}">x</a>`
        : dialect === 'xml'
          ? `<w:p><w:r><w:t>${filler}</w:t></w:r></w:p>`
          : filler;
    return insertAt(text, boundary(text, random, dialect), huge);
  },
  deleteToken(text, random, dialect) {
    const parts = tokens(text, dialect);
    if (parts.length > 0) parts.splice(random.int(parts.length), random.small(1, 20));
    return parts.join('');
  },
  duplicateToken(text, random, dialect) {
    const parts = tokens(text, dialect);
    if (parts.length === 0) return text;
    const at = random.int(parts.length);
    const run = parts.slice(at, at + random.small(1, 10)).join('');
    const copies = Math.min(
      random.small(1, 500),
      Math.floor(MAX_CASE_BYTES / 4 / Math.max(1, run.length)),
    );
    parts.splice(random.int(parts.length), 0, run.repeat(Math.max(1, copies)));
    return parts.join('');
  },
  swapTokens(text, random, dialect) {
    const parts = tokens(text, dialect);
    if (parts.length < 2) return text;
    const a = random.int(parts.length);
    const b = random.int(parts.length);
    [parts[a], parts[b]] = [parts[b]!, parts[a]!];
    return parts.join('');
  },
  structuralCharacter(text, random, dialect) {
    const chars = STRUCTURAL[dialect];
    let out = text;
    for (let edits = random.small(1, 30); edits > 0; edits--) {
      const at = random.int(out.length + 1);
      out = random.chance(0.5)
        ? insertAt(out, at, chars[random.int(chars.length)]!)
        : out.slice(0, at) + out.slice(at + 1);
    }
    return out;
  },
  oddCharacters(text, random) {
    let out = text;
    for (let edits = random.small(1, 20); edits > 0; edits--) {
      out = insertAt(out, random.int(out.length + 1), random.pick(ODD_CHARACTERS));
    }
    return out;
  },
};

const TEXT_MUTATION_NAMES = Object.keys(textMutations);

/** Applies a few text mutations; returns the text and the names applied. */
export function mutateText(
  text: string,
  random: FuzzRandom,
  dialect: MarkupDialect,
  limits: MutationLimits,
  count = random.small(1, 4),
): { text: string; applied: string[] } {
  let out = text;
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = random.pick(TEXT_MUTATION_NAMES);
    const next = textMutations[name]!(out, random, dialect, limits);
    if (next.length > MAX_CASE_BYTES) continue;
    out = next;
    applied.push(`${dialect}:${name}`);
  }
  return { text: out, applied };
}
