import type {
  Blockquote,
  FootnoteReference,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
  TableCell,
} from 'mdast';
import type { ArticleBlock, ArticleLink, TextRange } from '../domain/article';
import { safeLinkHref } from '../text/safe-link-href';
import { highlightMarks, type HighlightSpan, type PartMarks } from './highlight-marks';
import { markedPhrasing, type SafeLink } from './marked-phrasing';

/** The article's canonical text and structure, and where its claims sit in it. */
export interface ArticleFullText {
  text: string;
  blocks: ArticleBlock[];
  links: ArticleLink[];
  anchors: HighlightSpan[];
}

/** The report's own headings are `#` (title) and `##` (Full text): article headings go below. */
const HEADING_SHIFT = 2;

/** How one part of the text (a block, or a table cell) renders: bound to its marks. */
type RenderPart = (part: TextRange, breaks: boolean) => PhrasingContent[];

/**
 * The article's blocks as Markdown, its claims marked: bold words, each followed by a
 * footnote reference (`reference` numbers them, in the order they appear). Only anchors of
 * `claimIds` are marked. Every word of the article goes into text nodes, so it stays text.
 */
export function articleFullText(
  fullText: ArticleFullText,
  claimIds: ReadonlySet<string>,
  reference: (highlightId: string) => FootnoteReference,
): RootContent[] {
  const { text, blocks } = fullText;
  const parts = blocks.flatMap((block): TextRange[] =>
    block.kind === 'table' ? block.rows.flatMap((row) => row.cells) : [block],
  );
  const anchors = fullText.anchors.filter(
    (a) => claimIds.has(a.highlightId) && 0 <= a.start && a.start < a.end && a.end <= text.length,
  );
  const marks = highlightMarks(text, parts, anchors);
  const marksOf = new Map<TextRange, PartMarks>(parts.map((part, i) => [part, marks[i]!]));
  const links: SafeLink[] = fullText.links.flatMap((link) => {
    const href = safeLinkHref(link.href);
    return href ? [{ start: link.start, end: link.end, href }] : [];
  });
  const render: RenderPart = (part, breaks) =>
    markedPhrasing(text, part, marksOf.get(part)!, links, reference, breaks);

  const content: RootContent[] = [];
  for (let i = 0; i < blocks.length;) {
    const block = blocks[i]!;
    if (block.kind === 'listItem' || block.kind === 'quote') {
      let j = i;
      while (j < blocks.length && blocks[j]!.kind === block.kind) j++;
      const run = blocks.slice(i, j);
      if (block.kind === 'quote') content.push(quote(run, render));
      else content.push(...lists(run as Extract<ArticleBlock, { kind: 'listItem' }>[], render));
      i = j;
      continue;
    }
    // A blank heading or paragraph would be an empty line, or a stray `###`: left out.
    switch (block.kind) {
      case 'heading': {
        const children = render(block, false);
        const depth = Math.min(block.level + HEADING_SHIFT, 6) as 3 | 4 | 5 | 6;
        if (children.length > 0) content.push({ type: 'heading', depth, children });
        break;
      }
      case 'paragraph': {
        const children = render(block, true);
        if (children.length > 0) content.push({ type: 'paragraph', children });
        break;
      }
      case 'preformatted':
        content.push(...preformatted(text, block, marksOf.get(block)!, reference));
        break;
      case 'table':
        content.push(table(block, render));
        break;
    }
    i++;
  }
  return content;
}

/** Consecutive quote blocks are the paragraphs of one quotation. */
function quote(blocks: ArticleBlock[], render: RenderPart): Blockquote {
  return {
    type: 'blockquote',
    children: blocks.map((block) => ({ type: 'paragraph', children: render(block, true) })),
  };
}

/**
 * Consecutive list items as nested lists. An item deeper than one below the previous one
 * nests just one level down (Markdown has no empty levels); a change between ordered and
 * unordered starts a new list at that level.
 */
function lists(items: Extract<ArticleBlock, { kind: 'listItem' }>[], render: RenderPart): List[] {
  const topLevel: List[] = [];
  // The open list at each depth, and the item that holds the next depth.
  const open: { list: List; holder: ListItem | null }[] = [];
  for (const item of items) {
    const depth = Math.min(item.depth, open.length);
    open.length = Math.min(open.length, depth + 1);
    let level = open[depth];
    if (!level || level.list.ordered !== item.ordered) {
      const list: List = { type: 'list', ordered: item.ordered, spread: false, children: [] };
      if (item.ordered) list.start = 1;
      if (depth === 0) topLevel.push(list);
      else open[depth - 1]!.holder!.children.push(list);
      level = { list, holder: null };
      open[depth] = level;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: render(item, true) };
    const listItem: ListItem = { type: 'listItem', spread: false, children: [paragraph] };
    level.list.children.push(listItem);
    level.holder = listItem;
  }
  return topLevel;
}

/**
 * Preformatted text as a code block, which cannot hold bold or footnote calls: the claims
 * in it are referenced in a line just below.
 */
function preformatted(
  text: string,
  block: ArticleBlock,
  marks: PartMarks,
  reference: (highlightId: string) => FootnoteReference,
): RootContent[] {
  const value = text.slice(block.start, block.end).replace(/\r\n?/g, '\n');
  const code: RootContent = { type: 'code', lang: null, value };
  const highlightIds = [...marks.references.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([, ids]) => ids);
  if (highlightIds.length === 0) return [code];
  return [
    code,
    {
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Highlighted in the block above: ' },
        ...highlightIds.map(reference),
      ],
    },
  ];
}

/** A GFM table: the first row is its header; short rows are padded with empty cells. */
function table(block: Extract<ArticleBlock, { kind: 'table' }>, render: RenderPart): Table {
  const columns = Math.max(...block.rows.map((row) => row.cells.length));
  return {
    type: 'table',
    align: Array.from({ length: columns }, () => null),
    children: block.rows.map((row) => ({
      type: 'tableRow',
      children: Array.from({ length: columns }, (_, i): TableCell => ({
        type: 'tableCell',
        children: row.cells[i] ? render(row.cells[i], false) : [],
      })),
    })),
  };
}
