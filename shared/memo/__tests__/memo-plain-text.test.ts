import { describe, expect, it } from 'vitest';
import type { MemoDoc, MemoNode } from '../../domain/memo-doc';
import { claimReferenceNode } from '../memo-doc-ops';
import { memoPlainText, memoWordCount } from '../memo-plain-text';
import { memoTemplateDoc } from '../memo-template';
import { claimAttrs, para } from './fixtures';

const text = (value: string, marks?: MemoNode['marks']): MemoNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const cell = (type: 'tableCell' | 'tableHeader', ...blocks: MemoNode[]): MemoNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
  content: blocks,
});
const row = (...cells: MemoNode[]): MemoNode => ({ type: 'tableRow', content: cells });

describe('memoPlainText', () => {
  it('gives one line per block, whatever it is nested in', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Thesis')] },
        { type: 'paragraph', content: [text('Margins '), text('expand', [{ type: 'bold' }])] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [para('First')] },
            {
              type: 'listItem',
              content: [
                para('Second'),
                {
                  type: 'orderedList',
                  attrs: { start: 1, type: null },
                  content: [{ type: 'listItem', content: [para('Nested')] }],
                },
              ],
            },
          ],
        },
        { type: 'blockquote', content: [para('Quoted'), para('Twice')] },
        { type: 'horizontalRule' },
        { type: 'codeBlock', attrs: { language: null }, content: [text('x = 1\ny = 2')] },
      ],
    };
    expect(memoPlainText(doc)).toBe(
      [
        'Thesis',
        'Margins expand',
        'First',
        'Second',
        'Nested',
        'Quoted',
        'Twice',
        'x = 1\ny = 2',
      ].join('\n'),
    );
  });

  it('writes a table row as one line of tab-separated cells', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            row(cell('tableHeader', para('Year')), cell('tableHeader', para('Revenue'))),
            row(cell('tableCell', para('2026')), cell('tableCell', para('4.2'), para('bn'))),
            row(cell('tableCell', { type: 'paragraph' }), cell('tableCell', para('n/a'))),
          ],
        },
      ],
    };
    expect(memoPlainText(doc)).toBe('Year\tRevenue\n2026\t4.2 bn\n\tn/a');
  });

  it('turns line breaks into newlines and citations into their quote', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            text('As reported:'),
            { type: 'hardBreak' },
            claimReferenceNode(claimAttrs(1, { quote: 'Umsatz stieg um 5 %' })),
            text(' – good.'),
          ],
        },
      ],
    };
    expect(memoPlainText(doc)).toBe('As reported:\n“Umsatz stieg um 5 %” – good.');
  });

  it('leaves out empty paragraphs', () => {
    expect(memoPlainText(memoTemplateDoc())).toBe(
      'Summary and recommendation\nThesis\nRisks\nEvidence\nValuation\nCatalysts\nWhat would change my mind',
    );
  });
});

describe('memoWordCount', () => {
  it('joins words across marks and inner punctuation, not across blocks or quotes', () => {
    const doc: MemoDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('year-'), text('on-year', [{ type: 'bold' }])] },
        { type: 'paragraph', content: [text("don't stop: 3,5 % „Rückgang“ — 20 Mrd.")] },
        {
          type: 'paragraph',
          content: [text('end'), claimReferenceNode(claimAttrs(1, { quote: 'start' }))],
        },
      ],
    };
    // year-on-year · don't stop 3,5 Rückgang 20 Mrd · end · start
    expect(memoWordCount(doc)).toBe(1 + 6 + 2);
  });

  it('counts the words of the text and of the quotes', () => {
    expect(memoWordCount(memoTemplateDoc())).toBe(13);
    const doc: MemoDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [text('Sales grew: '), claimReferenceNode(claimAttrs(1, { quote: 'up 5 %' }))],
        },
      ],
    };
    expect(memoWordCount(doc)).toBe(4);
  });

  it('counts a 20-page memo exactly (the benchmark measures its speed)', () => {
    const sentence = 'The company raised its guidance for the third time this year, ';
    const paragraph: MemoNode = {
      type: 'paragraph',
      content: [
        text(sentence.repeat(3)),
        text('strongly', [{ type: 'italic' }]),
        { type: 'hardBreak' },
        claimReferenceNode(claimAttrs(1)),
        text(sentence.repeat(2)),
      ],
    };
    // About 10,000 words: 20 pages of 500.
    const doc: MemoDoc = {
      type: 'doc',
      content: Array.from({ length: 160 }, (_, i) =>
        i % 10 === 0
          ? { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph] }] }
          : paragraph,
      ),
    };
    // 160 paragraphs of 5 sentences of 11 words, "strongly" and a 2-word quote.
    expect(memoWordCount(doc)).toBe(160 * (5 * 11 + 1 + 2));
  });
});
