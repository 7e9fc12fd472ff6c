import { Extension, type AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { isAllowedMemoHref } from './is-allowed-memo-href';
import { ClaimReference } from './claim-reference';
import { isMemoSectionId } from './memo-sections';

/** Heading levels a memo uses: the title is in the header, sections are level 2. */
export const MEMO_HEADING_LEVELS = [2, 3, 4] as const;

/**
 * Marks a template heading as one of the memo's sections (`data-section`), so "Add to
 * memo" and "Assemble from claims" find the Risks section even after it is renamed.
 */
export const MemoSectionAttribute = Extension.create({
  name: 'memoSectionAttribute',
  addGlobalAttributes() {
    return [
      {
        types: ['heading'],
        attributes: {
          section: {
            default: null,
            parseHTML: (element: { getAttribute(name: string): string | null }) => {
              const id = element.getAttribute('data-section');
              return isMemoSectionId(id) ? id : null;
            },
            renderHTML: (attrs: Record<string, unknown>) =>
              attrs.section ? { 'data-section': attrs.section } : {},
          },
        },
      },
    ];
  },
});

/**
 * The memo document's schema, shared by the editor and by main (which validates every saved
 * memo against it). The renderer passes its node view for citations and its editor-only
 * extensions; the document schema itself never differs between the two.
 */
export function memoExtensions({
  claimReference = ClaimReference,
}: { claimReference?: AnyExtension } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [...MEMO_HEADING_LEVELS] },
      // Checked when a link is typed, pasted, parsed from HTML and rendered.
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: [],
        isAllowedUri: (url) => isAllowedMemoHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    MemoSectionAttribute,
    claimReference,
  ];
}
