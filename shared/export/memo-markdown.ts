import type { Root, RootContent } from 'mdast';
import type { Memo } from '../domain/memo';
import { convictionLogTable } from './conviction-log-table';
import { gfmMarkdown } from './gfm-markdown';
import { MemoCitations } from './memo-citations';
import { memoDocToMdast } from './memo-doc-to-mdast';
import { memoFrontMatter } from './memo-front-matter';
import { memoSummaryLine } from './memo-summary-line';
import { oneLine } from './one-line';
import type { ReportClaim, ReportGenerator, ReportSource } from './report-input';
import { sourcesSection } from './sources-section';

export interface MemoReportInput {
  memo: Memo;
  /** The library's current claims by highlight id; a cited claim missing here was deleted. */
  claims: ReadonlyMap<string, ReportClaim>;
  /** The library's articles by id; a cited article missing here was deleted. */
  sources: ReadonlyMap<string, ReportSource>;
  generator: ReportGenerator;
  includeConvictionLog: boolean;
}

/**
 * A memo as a GitHub Flavored Markdown report: YAML front matter with the header, the
 * title and a one-line summary, the body, the generated Sources list, the conviction log
 * (when asked for) and the citations' footnotes. A pure function of its input, so the same
 * memo always gives the same bytes. Every piece of user text goes into a text, code or
 * inline-code node, which the serializer escapes: nothing in a memo can become raw HTML,
 * a `javascript:` link, a second front matter or a footnote of its own.
 */
export function memoMarkdown(input: MemoReportInput): string {
  const { memo } = input;
  const citations = new MemoCitations(input.claims, input.sources);
  const body = memoDocToMdast(memo.doc, citations);
  // After the body, so claims first cited by the log number after those in the text.
  const log = input.includeConvictionLog ? convictionLogTable(memo.convictionLog, citations) : [];
  const summary = memoSummaryLine(memo.header);
  const children: RootContent[] = [
    memoFrontMatter(memo, input.generator),
    { type: 'heading', depth: 1, children: [{ type: 'text', value: oneLine(memo.title) }] },
    ...(summary ? [summary] : []),
    ...body,
    ...sourcesSection(citations.citedSources()),
    ...log,
    ...citations.definitions(),
  ];
  const root: Root = { type: 'root', children };
  return gfmMarkdown(root);
}
