import type { MemoDoc, MemoNode } from '../../../../../shared/domain/memo-doc';
import { memoTemplateDoc } from '../../../../../shared/memo/memo-template';

/** The memo template with `paragraphs` as the Thesis section's text. */
export function memoDocWith(paragraphs: readonly string[]): MemoDoc {
  const doc = memoTemplateDoc();
  const thesisAt = doc.content.findIndex((n) => n.attrs?.section === 'thesis');
  const thesis = paragraphs.map((text): MemoNode => ({
    type: 'paragraph',
    content: [{ type: 'text', text }],
  }));
  const content = [...doc.content];
  content.splice(thesisAt + 1, 1, ...thesis);
  return { ...doc, content };
}
