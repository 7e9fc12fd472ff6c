/** Tags that make a table read as page layout rather than as a grid of data. */
const LAYOUT_SIGNS = ['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote'];

/**
 * Whether a `<table>` lays out a page (old sites, newsletters) instead of holding data: a
 * table nested in it, or headings or quotes in its cells. Such a table is read as ordinary
 * containers, so its paragraphs stay paragraphs instead of collapsing into one cell.
 */
export function isLayoutTable(table: Element): boolean {
  // getElementsByTagName, not querySelector: jsdom's selector engine is slow.
  return LAYOUT_SIGNS.some((tag) => table.getElementsByTagName(tag).length > 0);
}
