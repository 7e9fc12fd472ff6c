import type { PhrasingContent, RootContent } from 'mdast';
import { formatCitationDate } from '../memo/source-label';
import { articleClaimsSection, type ArticleReportClaim } from './article-claims-section';
import { articleFullText, type ArticleFullText } from './article-full-text';
import { FullTextFootnotes } from './full-text-footnotes';
import { gfmMarkdown } from './gfm-markdown';
import { oneLine } from './one-line';
import type { ReportGenerator, ReportSource } from './report-input';
import { sourceDescription } from './source-description';
import { yamlFrontMatter } from './yaml-front-matter';

/** What an annotated article report is made from (main builds it from the library). */
export interface ArticleReportInput {
  source: ReportSource;
  tickers: string[];
  /** ISO date-time of the import. */
  importedAt: string;
  /** The article's claims; `start` is where each one's anchor starts, null for an orphan. */
  claims: ArticleReportClaim[];
  /** The article's text with its claims marked, or null to leave the full text out. */
  fullText: ArticleFullText | null;
  generator: ReportGenerator;
  /** ISO date-time, passed in so the same input always gives the same bytes. */
  exportedAt: string;
}

/** The line under the title: tickers and the day of import, next to the source description. */
function metadata(input: ArticleReportInput): PhrasingContent[] {
  const facts: string[] = [];
  if (input.tickers.length > 0) facts.push(`Tickers: ${input.tickers.map(oneLine).join(', ')}.`);
  const imported = formatCitationDate(input.importedAt.slice(0, 10));
  if (imported) facts.push(`Imported ${imported}.`);
  const description = sourceDescription(input.source);
  if (facts.length === 0) return description;
  return [...description, { type: 'break' }, { type: 'text', value: facts.join(' ') }];
}

/**
 * An annotated article as GitHub Flavored Markdown: front matter, title, source, the
 * claims by class, and optionally the full text with the claims in bold and footnoted.
 */
export function articleMarkdown(input: ArticleReportInput): string {
  const { source, claims, generator } = input;
  const content: RootContent[] = [
    yamlFrontMatter([
      ['title', source.title],
      ['publisher', source.publisher || null],
      ['author', source.author || null],
      ['published', source.publishedAt || null],
      ['url', source.url || null],
      ['file', source.fileName || null],
      ['language', source.language],
      ['tickers', input.tickers],
      ['claims', claims.length],
      ['exported', input.exportedAt],
      ['generator', `${generator.name} ${generator.version}`],
    ]),
    { type: 'heading', depth: 1, children: [{ type: 'text', value: oneLine(source.title) }] },
    { type: 'paragraph', children: metadata(input) },
    ...articleClaimsSection(claims),
  ];
  if (input.fullText) {
    const footnotes = new FullTextFootnotes(new Map(claims.map((c) => [c.highlightId, c])));
    const claimIds = new Set(claims.map((c) => c.highlightId));
    content.push(
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Full text' }] },
      ...articleFullText(input.fullText, claimIds, footnotes.reference),
      ...footnotes.definitions(),
    );
  }
  return gfmMarkdown({ type: 'root', children: content });
}
