import type { ArticleBlock, ArticleLink } from '../../../domain/article';
import type { ArticleReportClaim } from '../../article-claims-section';
import type { ArticleReportInput } from '../../article-markdown';
import type { HighlightSpan } from '../../highlight-marks';

type WithText<T> = T extends ArticleBlock ? Omit<T, 'start' | 'end'> & { text: string } : never;
/** A block by its text; a table by its cells' texts. */
export type BlockSpec =
  WithText<Exclude<ArticleBlock, { kind: 'table' }>> | { kind: 'table'; rows: string[][] };

/** Canonical text and blocks from block texts: blocks on lines, table cells by tabs. */
export function buildArticle(specs: BlockSpec[]): { text: string; blocks: ArticleBlock[] } {
  let text = '';
  const add = (value: string) => {
    const start = text.length;
    text += value;
    return { start, end: text.length };
  };
  const blocks = specs.map((spec): ArticleBlock => {
    if (text) add('\n');
    if (spec.kind !== 'table') {
      const { text: value, ...rest } = spec;
      return { ...rest, ...add(value) } as ArticleBlock;
    }
    const start = text.length;
    const rows = spec.rows.map((cells, r) => {
      if (r > 0) add('\n');
      return {
        cells: cells.map((cell, c) => {
          if (c > 0) add('\t');
          return { ...add(cell), header: r === 0 };
        }),
      };
    });
    return { kind: 'table', rows, start, end: text.length };
  });
  return { text, blocks };
}

/** An article report over `specs`, with a claim on each quote (the n-th claim `c<n>`). */
export function articleInput(
  specs: BlockSpec[],
  quotes: (string | { quote: string; claim?: Partial<ArticleReportClaim> })[],
  links: { words: string; href: string }[] = [],
): ArticleReportInput {
  const { text, blocks } = buildArticle(specs);
  const anchors: HighlightSpan[] = [];
  const claims = quotes.map((entry, i): ArticleReportClaim => {
    const { quote, claim = {} } = typeof entry === 'string' ? { quote: entry } : entry;
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`not in the text: ${quote}`);
    const highlightId = `c${i + 1}`;
    anchors.push({ highlightId, start, end: start + quote.length });
    return {
      highlightId,
      articleId: 'a1',
      quote,
      claimClass: 'thesis',
      paraphrase: '',
      locator: null,
      state: 'ok',
      tags: [],
      note: '',
      start,
      ...claim,
    };
  });
  const articleLinks: ArticleLink[] = links.map(({ words, href }) => {
    const start = text.indexOf(words);
    return { start, end: start + words.length, href };
  });
  return {
    source: {
      articleId: 'a1',
      title: 'Article',
      publisher: null,
      author: null,
      publishedAt: null,
      url: null,
      fileName: null,
      language: 'en',
      inLibrary: true,
    },
    tickers: [],
    importedAt: '2026-11-25T08:00:00.000Z',
    claims,
    fullText: { text, blocks, links: articleLinks, anchors },
    generator: { name: 'Margin', version: '0.1.0' },
    exportedAt: '2026-12-01T09:30:00.000Z',
  };
}

/** The report's full text section, without its footnotes. */
export function fullTextOf(markdown: string): string {
  const section = markdown.slice(markdown.indexOf('## Full text\n\n') + '## Full text\n\n'.length);
  return section.replace(/\n\[\^\d+\]:[\s\S]*$/, '').trimEnd();
}
