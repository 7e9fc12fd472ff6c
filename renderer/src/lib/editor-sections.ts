import type { Editor, JSONContent } from '@tiptap/react';
import type { Node as PmNode } from '@tiptap/pm/model';
import { endsSection, type MemoSectionId } from '../../../shared/memo/memo-sections';
import { sectionHeading } from '../../../shared/memo/memo-template';

/**
 * Where content for `section` goes: the end of the section, or the range of its one empty
 * placeholder paragraph (replaced). Null when the analyst deleted the section's heading.
 */
export function sectionInsertRange(
  doc: PmNode,
  section: MemoSectionId,
): { from: number; to: number } | null {
  let headingEnd = -1;
  let end = -1;
  let blocks = 0;
  let onlyBlock: PmNode | null = null;
  doc.forEach((child, offset) => {
    if (end >= 0) return;
    if (headingEnd < 0) {
      if (child.type.name === 'heading' && child.attrs.section === section) {
        headingEnd = offset + child.nodeSize;
      }
      return;
    }
    if (endsSection(child.type.name, child.attrs)) {
      end = offset;
      return;
    }
    blocks++;
    onlyBlock = child;
  });
  if (headingEnd < 0) return null;
  if (end < 0) end = doc.content.size;
  const placeholder = onlyBlock as PmNode | null;
  if (blocks === 1 && placeholder?.type.name === 'paragraph' && placeholder.content.size === 0) {
    return { from: headingEnd, to: end };
  }
  return { from: end, to: end };
}

/**
 * Puts content at the end of several sections in one transaction, so one Ctrl+Z takes it
 * all back. A missing section gets its heading again at the end of the memo.
 */
export function insertIntoSections(
  editor: Editor,
  parts: ReadonlyArray<{ section: MemoSectionId; content: JSONContent[] }>,
): void {
  const doc = editor.state.doc;
  const placed = parts
    .filter((p) => p.content.length > 0)
    .map((p, index) => ({ ...p, index, range: sectionInsertRange(doc, p.section) }));
  // From the end of the document backwards, so earlier positions stay valid (missing
  // sections all go at the end: the last first, so they read in order).
  const ordered = [...placed].sort(
    (a, b) => (b.range?.from ?? Infinity) - (a.range?.from ?? Infinity) || b.index - a.index,
  );
  let chain = editor.chain().focus();
  for (const part of ordered) {
    if (part.range) {
      chain = chain.insertContentAt(part.range, part.content);
    } else {
      chain = chain.insertContentAt(doc.content.size, [
        sectionHeading(part.section) as JSONContent,
        ...part.content,
      ]);
    }
  }
  chain.run();
}
