import type { BlockContent, DefinitionContent, ListItem, RootContent } from 'mdast';
import type { MemoDoc, MemoNode } from '../domain/memo-doc';
import type { ClaimReferenceAttrs } from '../memo/claim-reference';
import { CLAIM_REFERENCE } from '../memo/claim-reference';
import { blockCitation } from './block-citation';
import type { MemoCitations } from './memo-citations';
import { memoInline } from './memo-inline';
import { memoTable } from './memo-table';

/** What a block becomes (mdast's flow content). */
type Block = BlockContent | DefinitionContent;

/** A code block's language, when it looks like one: anything else could break the fence's info string. */
const LANGUAGE = /^[\w+#.-]{1,30}$/;

const isWhitespace = (node: MemoNode) =>
  node.type === 'hardBreak' ||
  (node.type === 'text' &&
    !node.marks?.some((m) => m.type === 'code') &&
    !/\S/.test(node.text ?? ''));

/** The citation a paragraph holds and nothing else (whitespace aside), if any. */
function loneCitation(paragraph: MemoNode): MemoNode | null {
  const content = (paragraph.content ?? []).filter((node) => !isWhitespace(node));
  return content.length === 1 && content[0]!.type === CLAIM_REFERENCE ? content[0]! : null;
}

function codeValue(node: MemoNode): string {
  return (node.content ?? [])
    .map((child) => (child.type === 'text' ? (child.text ?? '') : '\n'))
    .join('');
}

function headingDepth(level: unknown): 2 | 3 | 4 | 5 | 6 {
  return typeof level === 'number' && Number.isInteger(level) && level >= 2 && level <= 6
    ? (level as 2 | 3 | 4 | 5 | 6)
    : 2;
}

/** An ordered list's first number, as CommonMark allows it (at most nine digits). */
function listStart(start: unknown): number {
  return typeof start === 'number' && Number.isInteger(start) && start >= 0 && start <= 999_999_999
    ? start
    : 1;
}

/** Where a block sits: inside a block quote, a lone citation needs no quote of its own. */
interface Context {
  citations: MemoCitations;
  inQuote: boolean;
}

function block(node: MemoNode, context: Context): Block[] {
  const { citations } = context;
  switch (node.type) {
    case 'paragraph': {
      const citation = loneCitation(node);
      if (citation) {
        const attrs = citation.attrs as unknown as ClaimReferenceAttrs;
        const quote = blockCitation(citations.cite(attrs));
        return context.inQuote ? quote.children : [quote];
      }
      const children = memoInline(node.content, citations, { oneLine: false });
      return children.some((child) => child.type !== 'text' || /\S/.test(child.value))
        ? [{ type: 'paragraph', children }]
        : [];
    }
    case 'heading': {
      const children = memoInline(node.content, citations, { oneLine: true });
      return children.length > 0
        ? [{ type: 'heading', depth: headingDepth(node.attrs?.level), children }]
        : [];
    }
    case 'bulletList':
    case 'orderedList': {
      const children = (node.content ?? [])
        .filter((item) => item.type === 'listItem')
        .map((item): ListItem => ({
          type: 'listItem',
          spread: false,
          children: blocks(item.content, context),
        }));
      if (children.length === 0) return [];
      const ordered = node.type === 'orderedList';
      const start = ordered ? listStart(node.attrs?.start) : null;
      return [{ type: 'list', ordered, start, spread: false, children }];
    }
    case 'blockquote': {
      const children = blocks(node.content, { citations, inQuote: true });
      return children.length > 0 ? [{ type: 'blockquote', children }] : [];
    }
    case 'codeBlock': {
      const language = node.attrs?.language;
      const lang = typeof language === 'string' && LANGUAGE.test(language) ? language : null;
      return [{ type: 'code', lang, meta: null, value: codeValue(node) }];
    }
    case 'horizontalRule':
      return [{ type: 'thematicBreak' }];
    case 'table': {
      const table = memoTable(node, citations);
      return table ? [table] : [];
    }
    case 'text':
    case 'hardBreak':
    case CLAIM_REFERENCE:
      // Inline content where a block belongs: kept as a paragraph rather than lost.
      return block({ type: 'paragraph', content: [node] }, context);
    default:
      return [];
  }
}

function blocks(nodes: readonly MemoNode[] | undefined, context: Context): Block[] {
  return (nodes ?? []).flatMap((node) => block(node, context));
}

/**
 * The memo's body as Markdown blocks, in document order (so footnotes number in reading
 * order): headings, paragraphs, lists, quotes, code, rules and tables. A paragraph holding
 * a citation alone becomes a block quote of it (inside a quote, just its paragraphs); empty
 * paragraphs and headings are left out. Recursive: the memo schema bounds the depth at 40.
 */
export function memoDocToMdast(doc: MemoDoc, citations: MemoCitations): RootContent[] {
  return blocks(doc.content, { citations, inQuote: false });
}
