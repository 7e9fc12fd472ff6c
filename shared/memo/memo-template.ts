import type { MemoDoc, MemoNode } from '../domain/memo-doc';
import { MEMO_SECTIONS, sectionTitle, type MemoSectionId } from './memo-sections';

/**
 * A section's level-2 heading. Keys are in the order ProseMirror writes them (global
 * attributes first), so the JSON is byte-identical after a round trip through the editor.
 */
export function sectionHeading(section: MemoSectionId, title = sectionTitle(section)): MemoNode {
  return {
    type: 'heading',
    attrs: { section, level: 2 },
    content: [{ type: 'text', text: title }],
  };
}

/** The investment memo template: each section's heading followed by one empty paragraph. */
export function memoTemplateDoc(): MemoDoc {
  return {
    type: 'doc',
    content: MEMO_SECTIONS.flatMap(({ id, title }): MemoNode[] => [
      sectionHeading(id, title),
      { type: 'paragraph' },
    ]),
  };
}
