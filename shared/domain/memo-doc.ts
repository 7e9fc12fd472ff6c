import { z } from 'zod';
import { CLAIM_REFERENCE } from '../memo/claim-reference';
import { isAllowedMemoHref } from '../memo/is-allowed-memo-href';
import { MEMO_SECTION_IDS } from '../memo/memo-sections';
import { ClaimClass } from './highlight';
import { HIGHLIGHT_MAX_CHARS, HIGHLIGHT_NOTE_MAX_CHARS } from './highlight-limits';
import { EntityId, IsoDate } from './primitives';

/*
 * The memo body as tiptap JSON, checked before anything is stored: only the node and mark
 * types the memo editor makes, links only to http, https and mailto, citations with a
 * complete snapshot, and bounds on depth and size so a hostile page cannot make main
 * recurse or allocate without limit. Main also checks the structure against the editor's
 * ProseMirror schema (`assertMemoDocStructure`).
 */

/** Deeper than any list a memo needs (lists inside tables inside quotes), far below the stack. */
export const MEMO_DOC_MAX_DEPTH = 40;
/** About 300 pages of text. */
export const MEMO_DOC_MAX_NODES = 200_000;
const TEXT_MAX_CHARS = 100_000;

const PLAIN_NODE_TYPES = [
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'codeBlock',
  'hardBreak',
  'horizontalRule',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
] as const;
export const MEMO_NODE_TYPES = [...PLAIN_NODE_TYPES, CLAIM_REFERENCE] as const;

const AttrValue = z.union([
  z.string().max(2_000),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.number()).max(100),
]);

/** Attributes of the plain nodes (heading level, list start, cell spans); `section` is checked. */
const PlainAttrs = z
  .record(z.string().max(40), AttrValue)
  .refine((attrs) => Object.keys(attrs).length <= 12, 'too many attributes')
  .refine(
    (attrs) =>
      attrs.section === undefined ||
      attrs.section === null ||
      MEMO_SECTION_IDS.includes(attrs.section as never),
    'unknown memo section',
  );

export const SafeHref = z
  .string()
  .max(8_192)
  .refine(isAllowedMemoHref, 'links may only point to http, https or mailto addresses');

const LinkMark = z
  .object({
    type: z.literal('link'),
    attrs: z
      .object({
        href: SafeHref,
        target: z.string().max(20).nullable().optional(),
        rel: z.string().max(100).nullable().optional(),
        class: z.string().max(100).nullable().optional(),
        title: z.string().max(500).nullable().optional(),
      })
      .strict(),
  })
  .strict();
const PlainMark = z
  .object({ type: z.enum(['bold', 'italic', 'strike', 'underline', 'code']) })
  .strict();
export const MemoMark = z.discriminatedUnion('type', [LinkMark, PlainMark]);
export type MemoMark = z.infer<typeof MemoMark>;

/** The snapshot a citation keeps (see `ClaimReferenceAttrs`). */
export const ClaimReferenceAttrs = z
  .object({
    highlightId: EntityId,
    articleId: EntityId,
    quote: z.string().min(1).max(HIGHLIGHT_MAX_CHARS),
    claimClass: ClaimClass,
    paraphrase: z.string().max(HIGHLIGHT_NOTE_MAX_CHARS),
    source: z.string().max(300).nullable(),
    articleTitle: z.string().max(1_000).nullable(),
    publishedAt: IsoDate.nullable(),
    locator: z.string().max(40).nullable(),
  })
  .strict();

export interface MemoNode {
  type: (typeof MEMO_NODE_TYPES)[number];
  attrs?: Record<string, unknown>;
  content?: MemoNode[];
  marks?: MemoMark[];
  text?: string;
}

const Marks = z.array(MemoMark).max(10).optional();

const ClaimReferenceNode = z
  .object({ type: z.literal(CLAIM_REFERENCE), attrs: ClaimReferenceAttrs, marks: Marks })
  .strict();

export const MemoNode: z.ZodType<MemoNode> = z.lazy(() =>
  // Dispatched on `type`: a citation is not first tried (and failed) as a plain node.
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.enum(PLAIN_NODE_TYPES),
        attrs: PlainAttrs.optional(),
        content: z.array(MemoNode).max(MEMO_DOC_MAX_NODES).optional(),
        marks: Marks,
        text: z.string().min(1).max(TEXT_MAX_CHARS).optional(),
      })
      .strict(),
    ClaimReferenceNode,
  ]),
);

export interface MemoDoc {
  type: 'doc';
  content: MemoNode[];
}

const KNOWN_TYPES: ReadonlySet<unknown> = new Set(['doc', ...MEMO_NODE_TYPES]);

/**
 * Depth, node count and node types, checked without recursion before zod looks: a hostile
 * document can neither overflow the stack nor make zod describe 100,000 bad nodes.
 */
function withinBounds(value: unknown): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes > MEMO_DOC_MAX_NODES || depth > MEMO_DOC_MAX_DEPTH) return false;
    if (!KNOWN_TYPES.has((node as { type?: unknown } | null)?.type)) return false;
    const content = (node as { content?: unknown } | null)?.content;
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1]);
  }
  return true;
}

export const MemoDoc: z.ZodType<MemoDoc> = z
  .unknown()
  .refine(withinBounds, {
    message: `The memo has a part Margin does not know, is nested deeper than ${MEMO_DOC_MAX_DEPTH} levels, or has more than ${MEMO_DOC_MAX_NODES} parts.`,
    abort: true,
  })
  .pipe(
    z
      .object({ type: z.literal('doc'), content: z.array(MemoNode).min(1).max(MEMO_DOC_MAX_NODES) })
      .strict(),
  );
