import { describe, expect, it } from 'vitest';
import type { MemoDoc, MemoNode } from '../../domain/memo-doc';
import { assertMemoDocStructure, MemoDocStructureError } from '../memo-doc-structure';
import { citationParagraph } from '../memo-doc-ops';
import { memoTemplateDoc } from '../memo-template';
import { claimAttrs, para } from './fixtures';

const docOf = (...content: unknown[]) => ({ type: 'doc', content }) as MemoDoc;

function structureError(doc: MemoDoc): MemoDocStructureError {
  try {
    assertMemoDocStructure(doc);
  } catch (error) {
    if (error instanceof MemoDocStructureError) return error;
    throw error;
  }
  throw new Error('expected the structure check to fail');
}

describe('assertMemoDocStructure', () => {
  it('accepts the template and a memo with lists, tables, quotes and citations', () => {
    expect(() => assertMemoDocStructure(memoTemplateDoc())).not.toThrow();
    const cell = (type: string, text: string) => ({ type, content: [para(text)] });
    const doc = docOf(
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Sub' }] },
      citationParagraph(claimAttrs(1)),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para('Item')] }] },
      { type: 'blockquote', content: [para('Quoted')] },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Year'), cell('tableHeader', 'EPS')] },
          { type: 'tableRow', content: [cell('tableCell', '2026'), cell('tableCell', '4.1')] },
        ],
      },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'link',
            marks: [{ type: 'link', attrs: { href: 'https://x.org' } }],
          },
          { type: 'hardBreak' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        ],
      },
      { type: 'horizontalRule' },
      { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }] },
    );
    expect(() => assertMemoDocStructure(doc)).not.toThrow();
  });

  it('rejects node and mark types the editor does not have', () => {
    const image = structureError(docOf({ type: 'image', attrs: { src: 'https://x.org/a.png' } }));
    expect(image.message).toBe(
      "The memo's text has a part Margin does not recognise (Unknown node type: image).",
    );
    const mark = { type: 'text', text: 'x', marks: [{ type: 'highlight' }] };
    expect(structureError(docOf({ type: 'paragraph', content: [mark] })).message).toMatch(
      /^The memo's text has a part Margin does not recognise \(.*highlight.*\)\.$/,
    );
  });

  it('rejects content where the editor does not allow it', () => {
    const item: MemoNode = { type: 'listItem', content: [para('loose')] };
    const cases: unknown[][] = [
      [item], // a list item outside a list
      [{ type: 'paragraph', content: [para('nested')] }], // a block inside a paragraph
      [{ type: 'codeBlock', content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }] }],
      [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }], // empty text
      [{ type: 'bulletList', content: [] }], // a list with no items
      [], // a memo with no block at all
    ];
    for (const content of cases) {
      expect(() => assertMemoDocStructure(docOf(...content))).toThrow(MemoDocStructureError);
    }
  });

  it('keeps the cause and shortens a long detail', () => {
    const error = structureError(docOf({ type: 'x'.repeat(500) }));
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message.length).toBeLessThan(250);
    expect(error.name).toBe('MemoDocStructureError');
  });
});
