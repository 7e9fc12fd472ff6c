import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { MemoDoc } from '../../domain/memo-doc';
import { assertMemoDocStructure } from '../memo-doc-structure';
import { memoExtensions } from '../memo-extensions';
import { MEMO_SECTIONS } from '../memo-sections';
import { memoTemplateDoc } from '../memo-template';

describe('memoTemplateDoc', () => {
  it('has a level-2 section heading and one empty paragraph per section, in order', () => {
    const doc = memoTemplateDoc();
    expect(doc.content).toHaveLength(MEMO_SECTIONS.length * 2);
    MEMO_SECTIONS.forEach(({ id, title }, i) => {
      expect(doc.content[2 * i]).toEqual({
        type: 'heading',
        attrs: { level: 2, section: id },
        content: [{ type: 'text', text: title }],
      });
      expect(doc.content[2 * i + 1]).toEqual({ type: 'paragraph' });
    });
  });

  it('comes back from the editor schema unchanged, key order included', () => {
    const doc = memoTemplateDoc();
    const roundTripped = getSchema(memoExtensions()).nodeFromJSON(doc).toJSON();
    // toEqual, not toStrictEqual: ProseMirror's attrs objects have a null prototype.
    expect(roundTripped).toEqual(doc);
    expect(JSON.stringify(roundTripped)).toBe(JSON.stringify(doc));
  });

  it('passes the stored-memo checks', () => {
    const doc = memoTemplateDoc();
    expect(MemoDoc.safeParse(doc).success).toBe(true);
    expect(() => assertMemoDocStructure(doc)).not.toThrow();
  });

  it('gives a new document each time, so editing one memo cannot change the next', () => {
    const first = memoTemplateDoc();
    first.content.push({ type: 'paragraph', content: [{ type: 'text', text: 'x' }] });
    (first.content[0]!.content![0] as { text: string }).text = 'Changed';
    expect(memoTemplateDoc().content).toHaveLength(MEMO_SECTIONS.length * 2);
    expect(memoTemplateDoc().content[0]!.content![0]!.text).toBe(MEMO_SECTIONS[0].title);
  });
});
