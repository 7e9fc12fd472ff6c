import type { List, ListItem, RootContent } from 'mdast';
import { claimClassLabel } from './claim-class-label';
import { claimsByClass } from './claims-by-class';
import { noteParagraphs } from './note-paragraphs';
import { oneLine } from './one-line';
import type { ReportClaim } from './report-input';
import { textWithBreaks } from './text-with-breaks';

/** A claim of the article report: `start` is where its words start in the text; null for an orphan. */
export type ArticleReportClaim = ReportClaim & { start: number | null };

const NOT_FOUND = 'not found in the current text';

const isOrphan = (claim: ArticleReportClaim) => claim.start === null || claim.state === 'orphaned';

/** Document order, orphans last (in the order given: they have no place in the text). */
function documentOrder(claims: readonly ArticleReportClaim[]): ArticleReportClaim[] {
  const position = (claim: ArticleReportClaim) =>
    isOrphan(claim) ? Number.POSITIVE_INFINITY : claim.start!;
  return [...claims].sort((a, b) => {
    const [pa, pb] = [position(a), position(b)];
    return pa === pb ? 0 : pa - pb;
  });
}

function item(label: string, text: string): ListItem {
  return { type: 'listItem', spread: false, children: noteParagraphs(label, text) };
}

/** The quote, then what the analyst recorded about it as a compact list. */
function claimContent(claim: ArticleReportClaim): RootContent[] {
  const content: RootContent[] = [
    {
      type: 'blockquote',
      children: [{ type: 'paragraph', children: textWithBreaks(claim.quote.trim()) }],
    },
  ];
  const locator = claim.locator?.trim();
  const details: ListItem[] = [];
  if (isOrphan(claim)) {
    details.push(item('Locator: ', locator ? `${locator}, ${NOT_FOUND}` : NOT_FOUND));
  } else if (locator) {
    details.push(item('Locator: ', locator));
  }
  if (claim.tags.length > 0) details.push(item('Tags: ', claim.tags.map(oneLine).join(', ')));
  if (claim.note.trim()) details.push(item('Note: ', claim.note));
  if (claim.paraphrase.trim()) details.push(item('Paraphrase: ', claim.paraphrase));
  if (details.length > 0) {
    const list: List = { type: 'list', ordered: false, spread: false, children: details };
    content.push(list);
  }
  return content;
}

/**
 * The `## Claims` section of an article report: a `###` section per class (thesis, risk,
 * evidence; empty ones left out), each claim in document order with orphans last.
 */
export function articleClaimsSection(claims: readonly ArticleReportClaim[]): RootContent[] {
  const content: RootContent[] = [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Claims' }] },
  ];
  if (claims.length === 0) {
    content.push({
      type: 'paragraph',
      children: [{ type: 'text', value: 'No claims are highlighted in this article.' }],
    });
  }
  for (const group of claimsByClass(documentOrder(claims))) {
    const label = `${claimClassLabel(group.claimClass)} (${group.claims.length})`;
    content.push({ type: 'heading', depth: 3, children: [{ type: 'text', value: label }] });
    content.push(...group.claims.flatMap(claimContent));
  }
  return content;
}
