import type { ArticleBlock, ArticleLink } from '../../../domain/article';
import type { ArticleReportInput } from '../../article-markdown';
import type { ArticleReportClaim } from '../../article-claims-section';
import type { HighlightSpan } from '../../highlight-marks';

/** What a block of the hostile article holds; `s` is the hostile text. */
const blockTexts = (s: string) => ({
  heading: `H ${s}`,
  paragraph: `P ${s} end`,
  ordered: `L ${s}`,
  nested: `M ${s}`,
  quote: `Q ${s}`,
  code: `C ${s}`,
  cells: [
    [`a ${s}`, 'b'],
    ['c', `${s} d`],
  ],
  linked: `link ${s}`,
});

/**
 * An article report with `s` in every field the analyst or the article fills: metadata,
 * tickers, every kind of block, table cells, link targets, and claims (their quotes, tags,
 * notes, paraphrases) over it, overlapping and across blocks.
 */
export function hostileArticleInput(s: string, language = 'en'): ArticleReportInput {
  const texts = blockTexts(s);
  let text = '';
  const blocks: ArticleBlock[] = [];
  const add = (value: string): { start: number; end: number } => {
    const start = text.length;
    text += value;
    return { start, end: text.length };
  };
  const block = (value: string) => {
    if (text) add('\n');
    return add(value);
  };
  blocks.push({ kind: 'heading', level: 1, ...block(texts.heading) });
  blocks.push({ kind: 'paragraph', ...block(texts.paragraph) });
  blocks.push({ kind: 'listItem', ordered: true, depth: 0, ...block(texts.ordered) });
  blocks.push({ kind: 'listItem', ordered: false, depth: 1, ...block(texts.nested) });
  blocks.push({ kind: 'quote', ...block(texts.quote) });
  blocks.push({ kind: 'preformatted', ...block(texts.code) });
  add('\n');
  const tableStart = text.length;
  const rows = texts.cells.map((cells, r) => {
    if (r > 0) add('\n');
    return {
      cells: cells.map((cell, c) => {
        if (c > 0) add('\t');
        return { ...add(cell), header: r === 0 };
      }),
    };
  });
  blocks.push({ kind: 'table', rows, start: tableStart, end: text.length });
  const linked = block(texts.linked);
  blocks.push({ kind: 'paragraph', ...linked });

  const links: ArticleLink[] = [
    { start: linked.start, end: linked.start + 4, href: `javascript:${s}` },
    { start: linked.start + 5, end: linked.end, href: `https://example.com/${s}` },
  ];
  // The hostile words of each block (after its two-character lead), and spans across blocks.
  const spans: HighlightSpan[] = blocks.flatMap((b, i) => {
    const ranges = b.kind === 'table' ? b.rows.flatMap((row) => row.cells) : [b];
    return ranges
      .filter((r) => r.end - r.start > 2)
      .map((r, j) => ({ highlightId: `h${i}-${j}`, start: r.start + 2, end: r.end }));
  });
  spans.push(
    { highlightId: 'across', start: blocks[1]!.start, end: blocks[3]!.end },
    { highlightId: 'inner', start: blocks[1]!.start, end: blocks[1]!.start + 1 },
  );
  const classes = ['thesis', 'risk', 'evidence'] as const;
  const claims: ArticleReportClaim[] = spans.map((span, i) => ({
    highlightId: span.highlightId,
    articleId: 'a1',
    quote: text.slice(span.start, span.end),
    claimClass: classes[i % 3]!,
    paraphrase: s,
    locator: s,
    state: 'ok',
    tags: [s, `Tag/${s}`],
    note: `${s}\n\n${s}`,
    start: span.start,
  }));
  claims.push({ ...claims[0]!, highlightId: 'orphan', start: null, state: 'orphaned' });
  return {
    source: {
      articleId: 'a1',
      title: `T ${s}`,
      publisher: s,
      author: s,
      publishedAt: '2026-11-24',
      url: `https://example.com/${s}`,
      fileName: s,
      language,
      inLibrary: true,
    },
    tickers: [s, 'MSFT'],
    importedAt: '2026-11-25T08:00:00.000Z',
    claims,
    fullText: { text, blocks, links, anchors: spans },
    generator: { name: 'Margin', version: '0.1.0' },
    exportedAt: '2026-12-01T09:30:00.000Z',
  };
}
