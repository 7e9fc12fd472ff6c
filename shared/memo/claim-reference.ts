import { mergeAttributes, Node } from '@tiptap/core';
import type { ClaimClass } from '../domain/highlight';
import { HIGHLIGHT_MAX_CHARS, HIGHLIGHT_NOTE_MAX_CHARS } from '../domain/highlight-limits';

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
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The longest value of each attribute, as the memo schema (`ClaimReferenceAttrs`) allows. */
const MAX_CHARS: Partial<Record<keyof ClaimReferenceAttrs, number>> = {
  quote: HIGHLIGHT_MAX_CHARS,
  paraphrase: HIGHLIGHT_NOTE_MAX_CHARS,
  source: 300,
  articleTitle: 1_000,
  locator: 40,
};

/**
 * Whether pasted `<cite>` attributes make a citation the memo schema accepts (zod's check
 * in main, repeated here without zod): else one bad paste would make every autosave fail.
 */
function isCompleteCitation(element: { getAttribute(name: string): string | null }): boolean {
  const value = (name: keyof ClaimReferenceAttrs) => element.getAttribute(dataName(name));
  const published = value('publishedAt');
  return (
    UUID.test(value('highlightId') ?? '') &&
    UUID.test(value('articleId') ?? '') &&
    CLASSES.has(value('claimClass') ?? '') &&
    (value('quote') ?? '').trim() !== '' &&
    (published === null || DATE.test(published)) &&
    Object.entries(MAX_CHARS).every(
      ([name, max]) => (value(name as keyof ClaimReferenceAttrs) ?? '').length <= max,
    )
  );
}

/** `highlightId` ↔ `data-highlight-id`. */
const dataName = (name: string) => `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * A quoted claim in the memo: an inline atom (it moves and deletes as one piece, and text
 * flows around it). Defined here, without a view, so main can validate and read memos; the
 * renderer adds its node view with `ClaimReference.extend({ addNodeView })`.
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
        getAttrs: (element) => (isCompleteCitation(element) ? null : false),
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
