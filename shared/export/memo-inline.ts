import type { PhrasingContent } from 'mdast';
import type { MemoMark, MemoNode } from '../domain/memo-doc';
import type { ClaimReferenceAttrs } from '../memo/claim-reference';
import { CLAIM_REFERENCE } from '../memo/claim-reference';
import { isAllowedMemoHref } from '../memo/is-allowed-memo-href';
import { inlineCitation } from './inline-citation';
import type { MemoCitations } from './memo-citations';
import { nestMarks, type MarkWrap, type MarkedRun } from './nest-marks';

/** Where the inline content goes: a heading or table cell must stay on one line. */
export interface InlineOptions {
  oneLine: boolean;
}

const STRONG: MarkWrap = { key: 'bold', wrap: (children) => ({ type: 'strong', children }) };
const EMPHASIS: MarkWrap = { key: 'italic', wrap: (children) => ({ type: 'emphasis', children }) };
const DELETE: MarkWrap = { key: 'strike', wrap: (children) => ({ type: 'delete', children }) };

/**
 * The marks Markdown shows, links outermost: underline has no Markdown (and no HTML is
 * written), code becomes inline code at the leaf, and a link whose target is not http,
 * https or mailto keeps only its text.
 */
function markWraps(marks: readonly MemoMark[] | undefined): MarkWrap[] {
  const wraps: MarkWrap[] = [];
  const link = marks?.find((m) => m.type === 'link');
  const href = link?.type === 'link' ? link.attrs.href : null;
  if (typeof href === 'string' && isAllowedMemoHref(href)) {
    wraps.push({
      key: `link ${href}`,
      wrap: (children) => ({ type: 'link', url: href, children }),
    });
  }
  const has = (type: MemoMark['type']) => marks?.some((m) => m.type === type) ?? false;
  if (has('bold')) wraps.push(STRONG);
  if (has('italic')) wraps.push(EMPHASIS);
  if (has('strike')) wraps.push(DELETE);
  return wraps;
}

const hasCode = (node: MemoNode) => node.marks?.some((m) => m.type === 'code') ?? false;

/** One inline node as a run; null for anything that is not inline content. */
function inlineRun(
  node: MemoNode,
  citations: MemoCitations,
  options: InlineOptions,
): MarkedRun | null {
  switch (node.type) {
    case 'text': {
      const text = node.text ?? '';
      if (hasCode(node)) {
        // Inline code shows a line break as a space anyway; a real one could start a block.
        const value = text.replace(/\r\n?|\n/g, ' ');
        return { marks: markWraps(node.marks), content: [{ type: 'inlineCode', value }] };
      }
      const value = options.oneLine ? text.replace(/\s*(?:\r\n?|\n)\s*/g, ' ') : text;
      return { marks: markWraps(node.marks), content: [{ type: 'text', value }] };
    }
    case 'hardBreak':
      // Outside any span: a break right before a closing `**` would leave it unclosed.
      return {
        marks: [],
        content: [options.oneLine ? { type: 'text', value: ' ' } : { type: 'break' }],
      };
    case CLAIM_REFERENCE: {
      const citation = citations.cite(node.attrs as unknown as ClaimReferenceAttrs);
      // A footnote reference cannot sit inside a link, and a quote is not code.
      const marks = markWraps(node.marks).filter((m) => !m.key.startsWith('link '));
      return { marks, content: inlineCitation(citation) };
    }
    default:
      return null;
  }
}

/**
 * A paragraph's or heading's inline content as Markdown phrasing: text (escaped by the
 * serializer, never raw HTML), marks, hard breaks and citations with their footnote
 * references. Breaks at either end are dropped: a trailing one would print a stray `\`.
 */
export function memoInline(
  nodes: readonly MemoNode[] | undefined,
  citations: MemoCitations,
  options: InlineOptions,
): PhrasingContent[] {
  const runs = (nodes ?? []).flatMap((node) => inlineRun(node, citations, options) ?? []);
  const phrasing = nestMarks(runs);
  while (phrasing[0]?.type === 'break') phrasing.shift();
  while (phrasing.at(-1)?.type === 'break') phrasing.pop();
  return phrasing;
}
