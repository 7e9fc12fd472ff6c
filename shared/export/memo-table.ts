import type { PhrasingContent, Table, TableRow } from 'mdast';
import type { MemoNode } from '../domain/memo-doc';
import { cellPhrasing } from './cell-phrasing';
import type { MemoCitations } from './memo-citations';

/** Wider than any memo table; a hostile colspan cannot make the export allocate without limit. */
const MAX_COLUMNS = 64;

const span = (value: unknown, max: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value > 1 ? Math.min(value, max) : 1;

/**
 * A memo table as a GFM table. GFM has no merged cells, so a cell spanning columns or rows
 * keeps its content in its first position and leaves the others empty; every row gets
 * as many cells as the widest, and the first row is the header row (GFM needs one).
 * Null for a table without cells.
 */
export function memoTable(node: MemoNode, citations: MemoCitations): Table | null {
  const rows = (node.content ?? []).filter((row) => row.type === 'tableRow');
  const grid: (PhrasingContent[] | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.content ?? []) {
      if (cell.type !== 'tableCell' && cell.type !== 'tableHeader') continue;
      while (grid[r]![column] !== undefined) column++;
      if (column >= MAX_COLUMNS) break;
      const colspan = span(cell.attrs?.colspan, MAX_COLUMNS - column);
      const rowspan = span(cell.attrs?.rowspan, rows.length - r);
      const content = cellPhrasing(cell, citations);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          grid[r + dr]![column + dc] = dr === 0 && dc === 0 ? content : [];
        }
      }
      column += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  if (width === 0) return null;
  const children = grid.map((cells): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, c) => ({
      type: 'tableCell',
      children: cells[c] ?? [],
    })),
  }));
  return { type: 'table', align: Array.from({ length: width }, () => null), children };
}
