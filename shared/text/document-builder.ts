import type { ArticleBlock, ArticleLink, TableRow } from '../domain/article';
import { repairC1Controls } from './repair-c1-controls';
import { safeLinkHref } from './safe-link-href';

/** A run of inline content: text, a link, or a hard line break (`<br>`). */
export type Inline = { text: string; href?: string | undefined } | { lineBreak: true };

export interface BlockOptions {
  /** PDF page the block starts on. */
  page?: number | undefined;
}

export interface TableCellInput {
  inlines: readonly Inline[];
  header: boolean;
}

/** An imported document in Margin's model: canonical text plus structure into it. */
export interface BuiltDocument {
  text: string;
  blocks: ArticleBlock[];
  links: ArticleLink[];
}

/**
 * Invisible characters removed from canonical text: soft hyphen, zero-width space, word
 * joiner, byte-order mark (ZWJ/ZWNJ stay: they carry meaning in some scripts).
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Blocks are separated by one blank line; table cells by a tab, rows by a newline. */
const BLOCK_SEPARATOR = '\n\n';
const CELL_SEPARATOR = '\t';
const ROW_SEPARATOR = '\n';

const cleanInlineText = (text: string) =>
  repairC1Controls(text)
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[ \t\r\n\f\v]+/g, ' ');

/** The common case, without links: the same result as the general path, by whole strings. */
function flattenPlain(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => ('lineBreak' in inline ? '\n' : cleanInlineText(inline.text)))
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .replace(/^[ \n]+|[ \n]+$/g, '');
}

/**
 * Flattens inline runs into one block of canonical text: NFC, invisible characters gone,
 * whitespace collapsed the way a browser renders it, hard breaks kept as a single `\n`.
 * Returns the text and its links as ranges relative to it.
 */
export function flattenInlines(inlines: readonly Inline[]): {
  text: string;
  links: ArticleLink[];
} {
  if (!inlines.some((inline) => 'href' in inline && inline.href !== undefined)) {
    return { text: flattenPlain(inlines), links: [] };
  }
  const hrefs: string[] = [];
  // One entry per UTF-16 unit of the output: the unit and the link it belongs to (-1: none).
  const chars: string[] = [];
  const owners: number[] = [];
  let previous = '';
  const push = (char: string, owner: number) => {
    if (char === ' ' && (previous === '' || previous === ' ' || previous === '\n')) return;
    if (char === '\n') {
      if (previous === '' || previous === '\n') return;
      if (previous === ' ') {
        chars.pop();
        owners.pop();
      }
    }
    chars.push(char);
    owners.push(owner);
    previous = char;
  };
  for (const inline of inlines) {
    if ('lineBreak' in inline) {
      push('\n', -1);
      continue;
    }
    const href = inline.href === undefined ? null : safeLinkHref(inline.href);
    const owner = href === null ? -1 : hrefs.push(href) - 1;
    const text = cleanInlineText(inline.text);
    // Code units, not code points: `owners` holds one entry per unit of the output.
    for (let i = 0; i < text.length; i++) push(text[i]!, owner);
  }
  while (chars.length > 0 && (chars.at(-1) === ' ' || chars.at(-1) === '\n')) {
    chars.pop();
    owners.pop();
  }
  const out = chars.join('');
  const links: ArticleLink[] = [];
  let index = 0;
  while (index < owners.length) {
    const owner = owners[index]!;
    let end = index + 1;
    while (end < owners.length && owners[end] === owner) end++;
    if (owner >= 0) {
      let start = index;
      let stop = end;
      while (start < stop && /\s/.test(out[start]!)) start++;
      while (stop > start && /\s/.test(out[stop - 1]!)) stop--;
      if (stop > start) links.push({ start, end: stop, href: hrefs[owner]! });
    }
    index = end;
  }
  return { text: out, links };
}

/**
 * Builds canonical text and the block model together, so every range is right by
 * construction. Every importer (HTML, Markdown, DOCX, PDF, e-mail, plain text) ends here.
 */
export class DocumentBuilder {
  private text = '';
  private readonly blocks: ArticleBlock[] = [];
  private readonly links: ArticleLink[] = [];

  /** Appends a block's text; returns its range, or null when it was empty. */
  private append(inlines: readonly Inline[]): { start: number; end: number } | null {
    const flat = flattenInlines(inlines);
    if (flat.text === '') return null;
    if (this.text !== '') this.text += BLOCK_SEPARATOR;
    const start = this.text.length;
    this.text += flat.text;
    for (const link of flat.links) {
      this.links.push({ ...link, start: link.start + start, end: link.end + start });
    }
    return { start, end: this.text.length };
  }

  paragraph(inlines: readonly Inline[], options: BlockOptions = {}): this {
    const r = this.append(inlines);
    if (r) this.blocks.push({ kind: 'paragraph', ...r, ...pageOf(options) });
    return this;
  }

  heading(level: number, inlines: readonly Inline[], options: BlockOptions = {}): this {
    const r = this.append(inlines);
    const clamped = Math.min(6, Math.max(1, Math.round(level)));
    if (r) this.blocks.push({ kind: 'heading', level: clamped, ...r, ...pageOf(options) });
    return this;
  }

  listItem(
    inlines: readonly Inline[],
    list: { ordered: boolean; depth: number },
    options: BlockOptions = {},
  ): this {
    const r = this.append(inlines);
    const depth = Math.min(8, Math.max(0, list.depth));
    if (r)
      this.blocks.push({
        kind: 'listItem',
        ordered: list.ordered,
        depth,
        ...r,
        ...pageOf(options),
      });
    return this;
  }

  quote(inlines: readonly Inline[], options: BlockOptions = {}): this {
    const r = this.append(inlines);
    if (r) this.blocks.push({ kind: 'quote', ...r, ...pageOf(options) });
    return this;
  }

  /** Code or other text whose spacing matters: kept as is, apart from NFC and invisibles. */
  preformatted(raw: string, options: BlockOptions = {}): this {
    const body = repairC1Controls(raw)
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(INVISIBLE, '')
      .replace(/\t/g, '    ')
      .replace(/(?<! ) +$/gm, '') // linear, as in normalize-article-text
      .replace(/\n{2,}/g, '\n')
      .replace(/^\n+|\n+$/g, '');
    if (body.trim() === '') return this;
    if (this.text !== '') this.text += BLOCK_SEPARATOR;
    const start = this.text.length;
    this.text += body;
    this.blocks.push({ kind: 'preformatted', start, end: this.text.length, ...pageOf(options) });
    return this;
  }

  /** A table; rows without any text are dropped, and so is a table left with no text. */
  table(rows: ReadonlyArray<readonly TableCellInput[]>, options: BlockOptions = {}): this {
    const flatRows = rows
      .map((cells) =>
        cells.map((cell) => ({ ...flattenInlines(cell.inlines), header: cell.header })),
      )
      .map((cells) => cells.map((c) => ({ ...c, text: c.text.replace(/\n/g, ' ') })))
      .filter((cells) => cells.some((c) => c.text !== ''));
    if (flatRows.length === 0) return this;
    if (this.text !== '') this.text += BLOCK_SEPARATOR;
    const tableStart = this.text.length;
    const tableRows: TableRow[] = [];
    flatRows.forEach((cells, rowIndex) => {
      if (rowIndex > 0) this.text += ROW_SEPARATOR;
      const row: TableRow = { cells: [] };
      cells.forEach((cell, cellIndex) => {
        if (cellIndex > 0) this.text += CELL_SEPARATOR;
        const start = this.text.length;
        this.text += cell.text;
        row.cells.push({ start, end: this.text.length, header: cell.header });
        for (const link of cell.links) {
          this.links.push({ ...link, start: link.start + start, end: link.end + start });
        }
      });
      tableRows.push(row);
    });
    this.blocks.push({
      kind: 'table',
      rows: tableRows,
      start: tableStart,
      end: this.text.length,
      ...pageOf(options),
    });
    return this;
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  get length(): number {
    return this.text.length;
  }

  build(): BuiltDocument {
    return { text: this.text, blocks: [...this.blocks], links: [...this.links] };
  }
}

function pageOf(options: BlockOptions): { page?: number } {
  return options.page === undefined ? {} : { page: options.page };
}
