import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { memoExtensions } from '../../../../shared/memo/memo-extensions';
import { memoTemplateDoc } from '../../../../shared/memo/memo-template';
import { sectionInsertRange } from '../editor-sections';

const schema = getSchema(memoExtensions());
const heading = (section: string, text: string) => ({
  type: 'heading',
  attrs: { level: 2, section },
  content: [{ type: 'text', text }],
});
const para = (text?: string) =>
  text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
const docOf = (...content: object[]) => schema.nodeFromJSON({ type: 'doc', content });

/** The text of the top-level blocks that `[from, to)` covers. */
const covered = (doc: ReturnType<typeof docOf>, range: { from: number; to: number }) =>
  doc.textBetween(range.from, range.to, '|');

describe('sectionInsertRange', () => {
  it("replaces a template section's one empty paragraph", () => {
    const doc = schema.nodeFromJSON(memoTemplateDoc());
    const range = sectionInsertRange(doc, 'risks')!;
    expect(range.to - range.from).toBe(2); // the empty paragraph
    const risks = doc.resolve(range.from);
    expect(doc.childBefore(risks.pos).node?.textContent).toBe('Risks');
  });

  it('appends after the last block of a written section, before the next section', () => {
    const doc = docOf(
      heading('thesis', 'Thesis'),
      para('one'),
      para('two'),
      heading('risks', 'Risks'),
      para('risk'),
    );
    const range = sectionInsertRange(doc, 'thesis')!;
    expect(range.from).toBe(range.to);
    expect(doc.textBetween(0, range.from, '|')).toBe('Thesis|one|two');
    expect(doc.textBetween(range.to, doc.content.size, '|')).toBe('Risks|risk');
  });

  it('keeps sub-headings inside the section and ends at the next level-2 heading', () => {
    const doc = docOf(
      heading('thesis', 'Thesis'),
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Cloud' }] },
      para('azure'),
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Appendix' }] },
    );
    const range = sectionInsertRange(doc, 'thesis')!;
    expect(doc.textBetween(0, range.from, '|')).toBe('Thesis|Cloud|azure');
  });

  it('runs to the end of the memo for the last section', () => {
    const doc = docOf(heading('changeMind', 'What would change my mind'), para('a'), para());
    const range = sectionInsertRange(doc, 'changeMind')!;
    expect(range).toEqual({ from: doc.content.size, to: doc.content.size });
    expect(covered(doc, range)).toBe('');
  });

  it('is null when the analyst deleted the section heading', () => {
    const doc = docOf(heading('thesis', 'Thesis'), para('only'));
    expect(sectionInsertRange(doc, 'risks')).toBeNull();
  });

  it('finds a renamed section by its attribute, not its words', () => {
    const doc = docOf(heading('risks', 'What could go wrong'), para());
    expect(sectionInsertRange(doc, 'risks')).not.toBeNull();
  });
});
