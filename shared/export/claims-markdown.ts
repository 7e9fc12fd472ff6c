import type { List, ListItem, RootContent } from 'mdast';
import { CitationFootnotes } from './citation-footnotes';
import { claimClassLabel } from './claim-class-label';
import { claimsByClass } from './claims-by-class';
import { gfmMarkdown } from './gfm-markdown';
import { noteParagraphs } from './note-paragraphs';
import { oneLine } from './one-line';
import { quotationMarks } from './quotation-marks';
import type { ReportClaim, ReportGenerator, ReportSource } from './report-input';
import { sourcesSection } from './sources-section';
import { yamlFrontMatter } from './yaml-front-matter';

/** What a claims board export is made from: the board's selection, as the analyst sees it. */
export interface ClaimsReportInput {
  /** "Risk claims on MSFT". */
  title: string;
  /** The board's filters for a reader: "Class: Risk", "Ticker: MSFT", "Published: 1 Jul 2026 – 30 Sep 2026". */
  filters: string[];
  /** The selected claims, in the board's order. */
  claims: ReportClaim[];
  /** The articles of the claims, by article id. */
  sources: ReadonlyMap<string, ReportSource>;
  generator: ReportGenerator;
  /** ISO date-time, passed in so the same input always gives the same bytes. */
  exportedAt: string;
}

/** Stands in for an article missing from `sources`: by then it has left the library. */
const missingSource = (articleId: string): ReportSource => ({
  articleId,
  title: 'Untitled article',
  publisher: null,
  author: null,
  publishedAt: null,
  url: null,
  fileName: null,
  language: 'und',
  inLibrary: false,
});

const bulletList = (children: ListItem[]): List => ({
  type: 'list',
  ordered: false,
  spread: false,
  children,
});

/** The quote in its language's quotation marks with its footnote reference, then the analyst's additions. */
function claimItem(
  claim: ReportClaim,
  source: ReportSource,
  footnotes: CitationFootnotes,
): ListItem {
  const { open, close } = quotationMarks(source.language);
  const details: ListItem[] = [];
  const add = (label: string, text: string) => {
    if (!text.trim()) return;
    details.push({ type: 'listItem', spread: false, children: noteParagraphs(label, text) });
  };
  add('Paraphrase: ', claim.paraphrase);
  add('Tags: ', claim.tags.map(oneLine).join(', '));
  add('Note: ', claim.note);
  return {
    type: 'listItem',
    spread: false,
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: `${open}${oneLine(claim.quote)}${close}` },
          footnotes.reference(claim),
        ],
      },
      ...(details.length > 0 ? [bulletList(details)] : []),
    ],
  };
}

/** The filters as a reader checks them; an unfiltered board says so. */
function filtersContent(filters: readonly string[]): RootContent[] {
  const shown = filters.map(oneLine).filter(Boolean);
  if (shown.length === 0) {
    return [
      {
        type: 'paragraph',
        children: [{ type: 'text', value: 'Every claim on the board (no filters).' }],
      },
    ];
  }
  return [
    { type: 'paragraph', children: [{ type: 'text', value: 'Filters:' }] },
    bulletList(
      shown.map((filter) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: [{ type: 'text', value: filter }] }],
      })),
    ),
  ];
}

/**
 * A claims board selection as GitHub Flavored Markdown: front matter, title, filters, the
 * claims by class (board order inside a class), each quote footnoted exactly as a memo
 * report footnotes it, then the Sources and the footnotes.
 */
export function claimsMarkdown(input: ClaimsReportInput): string {
  const sourceOf = (claim: ReportClaim) =>
    input.sources.get(claim.articleId) ?? missingSource(claim.articleId);
  const footnotes = new CitationFootnotes(sourceOf);
  const content: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: oneLine(input.title) }] },
    ...filtersContent(input.filters),
  ];
  if (input.claims.length === 0) {
    const none =
      input.filters.length > 0 ? 'No claims match these filters.' : 'The board has no claims.';
    content.push({ type: 'paragraph', children: [{ type: 'text', value: none }] });
  }
  for (const group of claimsByClass(input.claims)) {
    const label = `${claimClassLabel(group.claimClass)} (${group.claims.length})`;
    content.push(
      { type: 'heading', depth: 2, children: [{ type: 'text', value: label }] },
      bulletList(group.claims.map((claim) => claimItem(claim, sourceOf(claim), footnotes))),
    );
  }
  const sources = footnotes.sources();
  content.push(...sourcesSection(sources), ...footnotes.definitions());
  const frontMatter = yamlFrontMatter([
    ['title', input.title],
    ['filters', input.filters],
    ['claims', input.claims.length],
    ['sources', sources.length],
    ['exported', input.exportedAt],
    ['generator', `${input.generator.name} ${input.generator.version}`],
  ]);
  return gfmMarkdown({ type: 'root', children: [frontMatter, ...content] });
}
