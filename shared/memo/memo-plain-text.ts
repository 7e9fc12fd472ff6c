import type { MemoDoc, MemoNode } from '../domain/memo-doc';
import { CLAIM_REFERENCE } from './claim-reference';
import { forEachMemoNode } from './memo-walk';

/*
 * The memo as plain text, for the word count and for revision diffs. Each text block is a
 * line; a table row is one line with its cells separated by tabs. Lines are collected in
 * an array and joined once, so a long memo costs one pass over its nodes.
 */

/** Blocks whose children are inline content (text, breaks, citations). */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** The inline content of a text block as one string. */
function inlineText(node: MemoNode, parts: string[]): void {
  for (const child of node.content ?? []) {
    if (child.type === 'text') parts.push(child.text ?? '');
    else if (child.type === 'hardBreak') parts.push('\n');
    else if (child.type === CLAIM_REFERENCE) parts.push(`“${String(child.attrs?.quote ?? '')}”`);
  }
}

/** A table cell's blocks, flattened to one line so the row stays one line. */
function cellText(cell: MemoNode): string {
  const lines: string[] = [];
  collectLines(cell.content ?? [], lines);
  return lines.join(' ').replace(/[\n\t]/g, ' ');
}

function collectLines(nodes: readonly MemoNode[], lines: string[]): void {
  for (const node of nodes) {
    if (TEXT_BLOCKS.has(node.type)) {
      const parts: string[] = [];
      inlineText(node, parts);
      const line = parts.join('');
      // An empty paragraph is spacing, not text: it would only add blank lines to a diff.
      if (line.length > 0) lines.push(line);
    } else if (node.type === 'table') {
      for (const row of node.content ?? []) {
        const cells = (row.content ?? []).map(cellText);
        if (cells.some((c) => c.length > 0)) lines.push(cells.join('\t'));
      }
    } else if (node.content) {
      // Lists, list items and quotes: their blocks are lines of their own.
      collectLines(node.content, lines);
    }
  }
}

/**
 * The memo's text, one line per block: paragraphs, headings, list items, quotes and code
 * blocks; table rows with tab-separated cells; line breaks as `\n`; citations as their
 * quote in “ ”. Empty blocks and horizontal rules give no line.
 */
export function memoPlainText(doc: MemoDoc): string {
  const lines: string[] = [];
  collectLines(doc.content, lines);
  return lines.join('\n');
}

/** Letters, digits and marks: ASCII alphanumerics, and everything from U+00C0 up that is not a space or punctuation. */
function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  if (code < 0xc0) return false; // Latin-1 spaces and signs: « » ¶ § …
  if (code === 0xd7 || code === 0xf7) return false; // × ÷
  if (code >= 0x2000 && code <= 0x2bff) return false; // spaces, dashes, quotes, symbols, arrows
  if (code >= 0x3000 && code <= 0x303f) return false; // CJK spaces and punctuation
  return code !== 0xfeff;
}

/** Joins two runs of word characters into one word: "don't", "year-on-year", "3.5". */
const JOINERS = new Set([0x27, 0x2019, 0x2e, 0x2d, 0x2c]);

/**
 * Counts words in a stream of strings (one text block's pieces, split by marks), without
 * building the text: this runs at every autosave, where a Unicode regular expression over
 * a 20-page memo costs milliseconds and `Intl.Segmenter` tens of them.
 */
class WordCounter {
  count = 0;
  private inWord = false;
  private joinPending = false;

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isWordChar(code)) {
        if (!this.inWord && !this.joinPending) this.count++;
        this.inWord = true;
        this.joinPending = false;
      } else if (this.inWord && JOINERS.has(code)) {
        this.inWord = false;
        this.joinPending = true;
      } else {
        this.inWord = false;
        this.joinPending = false;
      }
    }
  }

  /** A block, line break or citation ends the word being read. */
  boundary(): void {
    this.inWord = false;
    this.joinPending = false;
  }
}

/**
 * Words in the memo, quotes of citations included: runs of letters and digits, joined by
 * inner apostrophes, hyphens, dots and commas. Scripts without spaces count a run as one.
 */
export function memoWordCount(doc: MemoDoc): number {
  const counter = new WordCounter();
  forEachMemoNode(doc, (node) => {
    if (node.type === 'text') counter.feed(node.text ?? '');
    else if (node.type === CLAIM_REFERENCE) {
      counter.boundary();
      counter.feed(String(node.attrs?.quote ?? ''));
      counter.boundary();
    } else counter.boundary();
  });
  return counter.count;
}
