import type { Editor } from '@tiptap/react';
import type { ClaimReferenceAttrs } from '../../../../shared/memo/claim-reference';
import { CLAIM_REFERENCE } from '../../../../shared/memo/claim-reference';

/** The citations of the editor's document, in order (a claim cited twice appears twice). */
export function citationsOf(editor: Editor): ClaimReferenceAttrs[] {
  const found: ClaimReferenceAttrs[] = [];
  editor.state.doc.descendants((node) => {
    if (node.type.name === CLAIM_REFERENCE) found.push(node.attrs as ClaimReferenceAttrs);
    return node.isBlock;
  });
  return found;
}

/** The distinct highlights the document cites. */
export const citedIdsOf = (editor: Editor): string[] => [
  ...new Set(citationsOf(editor).map((c) => c.highlightId)),
];
