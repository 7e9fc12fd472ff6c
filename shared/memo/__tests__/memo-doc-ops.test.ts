import { describe, expect, it } from 'vitest';
import type { MemoDoc, MemoNode } from '../../domain/memo-doc';
import {
  citationParagraph,
  citedHighlightIds,
  countCitations,
  insertIntoSection,
} from '../memo-doc-ops';
import { MEMO_SECTIONS } from '../memo-sections';
import { memoTemplateDoc, sectionHeading } from '../memo-template';
import { claimAttrs, deepFreeze, para, roundTrip, uuid } from './fixtures';

const heading = (text: string, level: number, section?: string): MemoNode => ({
  type: 'heading',
  attrs: section ? { section, level } : { level },
  content: [{ type: 'text', text }],
});

/** The text of each top-level block, for compact assertions. */
const outline = (doc: MemoDoc) =>
  doc.content.map((n) =>
    n.type === 'paragraph' && !n.content ? '(empty)' : (n.content?.[0]?.text ?? n.type),
  );

describe('insertIntoSection', () => {
  it('replaces the template’s empty paragraph with the nodes', () => {
    const doc = deepFreeze(memoTemplateDoc());
    const result = insertIntoSection(doc, 'risks', [para('A'), para('B')]);
    expect(outline(result).slice(4, 9)).toEqual(['Risks', 'A', 'B', 'Evidence', '(empty)']);
    expect(result.content).toHaveLength(doc.content.length + 1);
    expect(result.content.indexOf(doc.content[0]!)).toBe(0); // untouched nodes are shared
  });

  it('appends after what the section holds, before the next section heading', () => {
    let doc = insertIntoSection(memoTemplateDoc(), 'thesis', [para('One')]);
    doc = insertIntoSection(deepFreeze(doc), 'thesis', [para('Two')]);
    expect(outline(doc).slice(2, 6)).toEqual(['Thesis', 'One', 'Two', 'Risks']);
  });

  it('keeps an empty paragraph the analyst left next to other text', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [sectionHeading('thesis'), para('Mine'), { type: 'paragraph' }],
    };
    expect(outline(insertIntoSection(doc, 'thesis', [para('New')]))).toEqual([
      'Thesis',
      'Mine',
      '(empty)',
      'New',
    ]);
  });

  it('treats sub-headings as part of the section and any level-2 heading as its end', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [
        sectionHeading('thesis'),
        heading('Why now', 3),
        para('Text'),
        heading('My own chapter', 2),
        para('Other'),
      ],
    };
    expect(outline(insertIntoSection(doc, 'thesis', [para('New')]))).toEqual([
      'Thesis',
      'Why now',
      'Text',
      'New',
      'My own chapter',
      'Other',
    ]);
  });

  it('ends a section at a heading of another section whatever its level', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [sectionHeading('thesis'), para('Text'), heading('Risks', 3, 'risks')],
    };
    expect(outline(insertIntoSection(doc, 'thesis', [para('New')]))).toEqual([
      'Thesis',
      'Text',
      'New',
      'Risks',
    ]);
  });

  it('finds a renamed section by its attribute', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [heading('Downside', 2, 'risks'), { type: 'paragraph' }, sectionHeading('evidence')],
    };
    expect(outline(insertIntoSection(doc, 'risks', [para('R')]))).toEqual([
      'Downside',
      'R',
      'Evidence',
    ]);
  });

  it('appends to the last section at the end of the memo', () => {
    const doc = insertIntoSection(memoTemplateDoc(), 'changeMind', [para('Z')]);
    expect(outline(doc).slice(-2)).toEqual([MEMO_SECTIONS.at(-1)!.title, 'Z']);
  });

  it('adds the heading again at the end when the analyst deleted it', () => {
    const template = memoTemplateDoc();
    const withoutRisks = deepFreeze({
      ...template,
      content: template.content.filter((n) => n.attrs?.section !== 'risks'),
    });
    const result = insertIntoSection(withoutRisks, 'risks', [para('R')]);
    expect(result.content.slice(0, -2)).toEqual(withoutRisks.content);
    expect(result.content.slice(-2)).toEqual([sectionHeading('risks'), para('R')]);
    expect(roundTrip(result)).toEqual(result);
  });

  it('returns the document as it is when there is nothing to insert', () => {
    const doc = memoTemplateDoc();
    expect(insertIntoSection(doc, 'thesis', [])).toBe(doc);
  });
});

describe('citationParagraph', () => {
  it('is a paragraph holding one citation, exactly as the editor writes it', () => {
    const paragraph = citationParagraph(claimAttrs(1, { source: null }));
    expect(paragraph).toEqual({
      type: 'paragraph',
      content: [{ type: 'claimReference', attrs: claimAttrs(1, { source: null }) }],
    });
    const doc: MemoDoc = { type: 'doc', content: [paragraph] };
    expect(JSON.stringify(roundTrip(doc))).toBe(JSON.stringify(doc));
  });

  it('keeps only the snapshot’s fields', () => {
    const extra = { ...claimAttrs(1), note: 'not part of a citation' };
    expect(Object.keys(citationParagraph(extra).content![0]!.attrs!)).not.toContain('note');
  });
});

describe('citedHighlightIds and countCitations', () => {
  const cite = (n: number): MemoNode => citationParagraph(claimAttrs(n)).content![0]!;
  const doc: MemoDoc = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [cite(3), { type: 'text', text: ' and ' }, cite(1)] },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [cite(2)] }] }],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [cite(3)] }] }],
          },
        ],
      },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [cite(1), cite(4)] }] },
    ],
  };

  it('lists each cited highlight once, in document order', () => {
    expect(citedHighlightIds(doc)).toEqual([uuid(3), uuid(1), uuid(2), uuid(4)]);
  });

  it('counts every citation, a claim cited twice twice', () => {
    expect(countCitations(doc)).toBe(6);
  });

  it('finds none in the template', () => {
    expect(citedHighlightIds(memoTemplateDoc())).toEqual([]);
    expect(countCitations(memoTemplateDoc())).toBe(0);
  });
});
