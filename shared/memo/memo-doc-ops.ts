import type { MemoDoc, MemoNode } from '../domain/memo-doc';
import { CLAIM_REFERENCE, type ClaimReferenceAttrs } from './claim-reference';
import { endsSection, type MemoSectionId } from './memo-sections';
import { sectionHeading } from './memo-template';
import { forEachMemoNode } from './memo-walk';

/*
 * Edits of the memo's tiptap JSON that main and the renderer both make ("Add to memo",
 * "Assemble from claims", the memo list's counts). Pure: the input doc is never changed;
 * the result shares untouched nodes with it.
 */

const isHeading = (node: MemoNode) => node.type === 'heading';

const isEmptyParagraph = (node: MemoNode | undefined) =>
  node?.type === 'paragraph' && (node.content === undefined || node.content.length === 0);

/**
 * Appends block nodes at the end of a section (found by the heading's `section` attribute,
 * so a renamed heading still works). A section holding only the template's empty paragraph
 * has it replaced. When the analyst deleted the section's heading, it is added again at the
 * end of the memo, followed by the nodes. No nodes: the doc is returned as is.
 */
export function insertIntoSection(
  doc: MemoDoc,
  section: MemoSectionId,
  nodes: readonly MemoNode[],
): MemoDoc {
  if (nodes.length === 0) return doc;
  const content = doc.content;
  const headingAt = content.findIndex((n) => isHeading(n) && n.attrs?.section === section);
  if (headingAt === -1) {
    return { ...doc, content: [...content, sectionHeading(section), ...nodes] };
  }
  let end = headingAt + 1;
  while (end < content.length && !endsSection(content[end]!.type, content[end]!.attrs)) end++;
  const bodyStart = headingAt + 1;
  const replaceEmpty = end - bodyStart === 1 && isEmptyParagraph(content[bodyStart]);
  return {
    ...doc,
    content: [...content.slice(0, replaceEmpty ? bodyStart : end), ...nodes, ...content.slice(end)],
  };
}

/** A paragraph holding one citation. Attributes in the schema's order, as tiptap writes them. */
export function citationParagraph(attrs: ClaimReferenceAttrs): MemoNode {
  return { type: 'paragraph', content: [claimReferenceNode(attrs)] };
}

/** The inline citation node itself, with exactly the attributes the schema knows. */
export function claimReferenceNode(attrs: ClaimReferenceAttrs): MemoNode {
  return {
    type: CLAIM_REFERENCE,
    attrs: {
      highlightId: attrs.highlightId,
      articleId: attrs.articleId,
      quote: attrs.quote,
      claimClass: attrs.claimClass,
      paraphrase: attrs.paraphrase,
      source: attrs.source,
      articleTitle: attrs.articleTitle,
      publishedAt: attrs.publishedAt,
      locator: attrs.locator,
    },
  };
}

const citedId = (node: MemoNode): string | null => {
  const id = node.type === CLAIM_REFERENCE ? node.attrs?.highlightId : undefined;
  return typeof id === 'string' ? id : null;
};

/** The highlights the memo cites, each once, in the order they first appear. */
export function citedHighlightIds(doc: MemoDoc): string[] {
  const ids = new Set<string>();
  forEachMemoNode(doc, (node) => {
    const id = citedId(node);
    if (id !== null) ids.add(id);
  });
  return [...ids];
}

/** How many citations the memo holds; a claim cited twice counts twice. */
export function countCitations(doc: MemoDoc): number {
  let count = 0;
  forEachMemoNode(doc, (node) => {
    if (node.type === CLAIM_REFERENCE) count++;
  });
  return count;
}
