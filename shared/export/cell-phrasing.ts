import type { PhrasingContent } from 'mdast';
import type { MemoNode } from '../domain/memo-doc';
import type { MemoCitations } from './memo-citations';
import { memoInline } from './memo-inline';
import { mergeTexts } from './source-description';

/** The text of a code block, for a cell: one line. */
const codeText = (node: MemoNode): string =>
  (node.content ?? [])
    .map((child) => (child.type === 'text' ? (child.text ?? '') : ' '))
    .join('')
    .replace(/\s*(?:\r\n?|\n)\s*/g, ' ')
    .trim();

/** Each block inside a cell as one piece of phrasing, in order. */
function blockPieces(
  nodes: readonly MemoNode[] | undefined,
  citations: MemoCitations,
): PhrasingContent[][] {
  return (nodes ?? []).flatMap((node): PhrasingContent[][] => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        return [memoInline(node.content, citations, { oneLine: true })];
      case 'bulletList':
      case 'orderedList': {
        const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
        return (node.content ?? []).map((item, i) => {
          const marker = node.type === 'orderedList' ? `${start + i}.` : '•';
          return [
            { type: 'text', value: `${marker} ` },
            ...join(blockPieces(item.content, citations)),
          ];
        });
      }
      case 'blockquote':
      case 'listItem':
      case 'table':
      case 'tableRow':
      case 'tableCell':
      case 'tableHeader':
        return blockPieces(node.content, citations);
      case 'codeBlock': {
        const value = codeText(node);
        return value ? [[{ type: 'inlineCode', value }]] : [];
      }
      default:
        return [];
    }
  });
}

/** Pieces joined by single spaces, empty ones left out. */
function join(pieces: PhrasingContent[][]): PhrasingContent[] {
  return pieces
    .filter((piece) => piece.length > 0)
    .flatMap((piece, i): PhrasingContent[] =>
      i === 0 ? piece : [{ type: 'text', value: ' ' }, ...piece],
    );
}

/**
 * A table cell's content as one line of phrasing, since a GFM cell holds no blocks:
 * paragraphs joined by a space, list items as "• item" or "1. item", code as inline code.
 * Citations stay inline, with their footnote references.
 */
export function cellPhrasing(cell: MemoNode, citations: MemoCitations): PhrasingContent[] {
  return mergeTexts(join(blockPieces(cell.content, citations)));
}
