import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { MemoNode } from '../../domain/memo-doc';
import { MemoCitations } from '../memo-citations';
import { memoTable } from '../memo-table';

const cell = (text: string, colspan = 1, rowspan = 1): MemoNode => ({
  type: 'tableCell',
  attrs: { colspan, rowspan },
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const row = (...cells: MemoNode[]): MemoNode => ({ type: 'tableRow', content: cells });

/** The table's cells as text, row by row ("" for a padding cell). */
const texts = (table: Table | null) =>
  table?.children.map((r) =>
    r.children.map((c) => c.children.map((p) => (p.type === 'text' ? p.value : '?')).join('')),
  );

const citations = () => new MemoCitations(new Map(), new Map());

describe('memoTable', () => {
  it('pads column and row spans so every row has as many cells', () => {
    const table = memoTable(
      {
        type: 'table',
        content: [
          row(cell('a', 2), cell('b')),
          row(cell('c', 1, 2), cell('d'), cell('e')),
          row(cell('f'), cell('g')),
          row(cell('h')),
        ],
      },
      citations(),
    );
    expect(texts(table)).toEqual([
      ['a', '', 'b'],
      ['c', 'd', 'e'],
      ['', 'f', 'g'],
      ['h', '', ''],
    ]);
  });

  it('bounds a hostile colspan and ignores a rowspan past the last row', () => {
    const table = memoTable({ type: 'table', content: [row(cell('a', 1e9, 1e9))] }, citations());
    expect(texts(table)).toEqual([['a', ...Array<string>(63).fill('')]]);
  });

  it('leaves out a table without cells', () => {
    expect(
      memoTable({ type: 'table', content: [{ type: 'tableRow', content: [] }] }, citations()),
    ).toBeNull();
  });

  it('flattens blocks inside a cell to one line', () => {
    const table = memoTable(
      {
        type: 'table',
        content: [
          row({
            type: 'tableCell',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'one\ntwo' }] },
              {
                type: 'orderedList',
                attrs: { start: 2 },
                content: [
                  {
                    type: 'listItem',
                    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }],
                  },
                  {
                    type: 'listItem',
                    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'y' }] }],
                  },
                ],
              },
            ],
          }),
        ],
      },
      citations(),
    );
    expect(texts(table)).toEqual([['one two 2. x 3. y']]);
  });
});
