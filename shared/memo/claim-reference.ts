import { mergeAttributes, Node } from '@tiptap/core';
import type { ClaimClass } from '../domain/highlight';

/**
 * What a citation keeps of its claim at insertion time. The highlight id is the link; the
 * rest is the snapshot shown when the highlight has since been deleted or orphaned, so a
 * broken link is never a silent gap.
 */
export interface ClaimReferenceAttrs {
  highlightId: string;
  articleId: string;
  quote: string;
  claimClass: ClaimClass;
  paraphrase: string;
  /** Publisher ("Handelsblatt"); null when the article names none. */
  source: string | null;
  /** Null only for a citation pasted without one. */
  articleTitle: string | null;
  /** `YYYY-MM-DD`, or null for an undated article. */
  publishedAt: string | null;
  /** Where in the article: "¶4", or "p. 3" for a PDF; null when unknown. */
  locator: string | null;
}

export const CLAIM_REFERENCE = 'claimReference';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    claimReference: {
      /** Inserts a citation at the selection (replacing it). */
      insertClaimReference: (attrs: ClaimReferenceAttrs) => ReturnType;
    };
  }
}

const ATTR_NAMES: ReadonlyArray<keyof ClaimReferenceAttrs> = [
  'highlightId',
  'articleId',
  'quote',
  'claimClass',
  'paraphrase',
  'source',
  'articleTitle',
  'publishedAt',
  'locator',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLASSES = new Set(['thesis', 'risk', 'evidence']);

/** `highlightId` ↔ `data-highlight-id`. */
const dataName = (name: string) => `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * A quoted claim in the memo: an inline atom (it moves and deletes as one piece, and text
 * flows around it). Defined here, without a view, so main can validate and read memos; the
 * renderer adds its React node view with `ClaimReference.extend({ addNodeView })`.
 */
export const ClaimReference = Node.create({
  name: CLAIM_REFERENCE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return Object.fromEntries(
      ATTR_NAMES.map((name) => [
        name,
        {
          default: name === 'paraphrase' ? '' : name === 'claimClass' ? 'evidence' : null,
          parseHTML: (element: { getAttribute(name: string): string | null }) =>
            element.getAttribute(dataName(name)),
          renderHTML: (attrs: Record<string, unknown>) =>
            attrs[name] === null || attrs[name] === '' ? {} : { [dataName(name)]: attrs[name] },
        },
      ]),
    );
  },

  parseHTML() {
    return [
      {
        tag: 'cite[data-highlight-id]',
        // Pasted HTML may carry anything: only a complete citation becomes one; anything
        // else stays the plain text it shows (and is never a node main would refuse).
        getAttrs: (element) =>
          UUID.test(element.getAttribute('data-highlight-id') ?? '') &&
          UUID.test(element.getAttribute('data-article-id') ?? '') &&
          CLASSES.has(element.getAttribute('data-claim-class') ?? '') &&
          (element.getAttribute('data-quote') ?? '').trim() !== ''
            ? null
            : false,
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'cite',
      mergeAttributes(HTMLAttributes, { class: `claim-reference claim-${node.attrs.claimClass}` }),
      `“${node.attrs.quote}”`,
    ];
  },

  /** Plain text (word count, revision diffs, copying): the quote and where it is from. */
  renderText({ node }) {
    return `“${node.attrs.quote}”`;
  },

  addCommands() {
    return {
      insertClaimReference:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});
