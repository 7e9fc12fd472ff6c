import type { Nodes } from 'mdast';

const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow']);

/**
 * The text a node shows: a hard break read as the line break it stands for, the blocks
 * of a container on lines of their own.
 */
export function readBack(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && node.type !== 'yaml') return node.value;
  if (!('children' in node)) return '';
  return node.children.map(readBack).join(BLOCK_CONTAINERS.has(node.type) ? '\n' : '');
}

/**
 * Text as Markdown can give it back: runs of whitespace as one space, no whitespace at the
 * ends (a paragraph drops both), CR as LF, and as U+FFFD NUL and the characters that
 * CommonMark decodes to U+FFFD when they come as a character reference (the serializer
 * writes the letter beside a bold mark as one, so that the mark opens or closes).
 */
export function comparable(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '\uFFFD')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
