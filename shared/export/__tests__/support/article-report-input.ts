import type { TextRange } from '../../../domain/article';
import type { ArticleReportInput } from '../../article-markdown';

/** A golden case's input file: the report input as it is, plus what the case shows. */
export type ArticleReportInputFile = ArticleReportInput & { description: string };

export function articleReportInput({
  description: _,
  ...input
}: ArticleReportInputFile): ArticleReportInput {
  return input;
}

/** The front matter an article report must carry, worked out from the input on its own. */
export function expectedArticleFrontMatter(input: ArticleReportInput): Record<string, unknown> {
  const { source, generator } = input;
  return {
    title: source.title,
    publisher: source.publisher || null,
    author: source.author || null,
    published: source.publishedAt || null,
    url: source.url || null,
    file: source.fileName || null,
    language: source.language,
    tickers: input.tickers,
    claims: input.claims.length,
    exported: input.exportedAt,
    generator: `${generator.name} ${generator.version}`,
  };
}

/**
 * How many footnotes the full text must have: one per claim whose anchor covers some
 * non-blank text the full text shows (a block, or for a table its cells).
 */
export function expectedArticleFootnotes({ claims, fullText }: ArticleReportInput): number {
  if (!fullText) return 0;
  const ids = new Set(claims.map((claim) => claim.highlightId));
  const shown = fullText.blocks.flatMap((block): TextRange[] =>
    block.kind === 'table' ? block.rows.flatMap((row) => row.cells) : [block],
  );
  const marked = new Set<string>();
  for (const anchor of fullText.anchors) {
    if (!ids.has(anchor.highlightId)) continue;
    const visible = shown.some((part) => {
      const words = fullText.text.slice(
        Math.max(part.start, anchor.start),
        Math.min(part.end, anchor.end),
      );
      return /\S/.test(words);
    });
    if (visible) marked.add(anchor.highlightId);
  }
  return marked.size;
}
