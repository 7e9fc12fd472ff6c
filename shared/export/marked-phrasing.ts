import type { FootnoteReference, PhrasingContent } from 'mdast';
import type { TextRange } from '../domain/article';
import type { PartMarks } from './highlight-marks';
import { nestMarks, type MarkedRun, type MarkWrap } from './nest-marks';
import { textWithBreaks } from './text-with-breaks';

/** A link whose target already passed safeLinkHref. */
export interface SafeLink extends TextRange {
  href: string;
}

const containing = (ranges: readonly TextRange[], offset: number) =>
  ranges.some((r) => r.start <= offset && offset < r.end);

const STRONG: MarkWrap = { key: 'strong', wrap: (children) => ({ type: 'strong', children }) };

/**
 * One part of the full text (a block, or a table cell) as inline Markdown: the claimed
 * words in bold, each claim's footnote reference after its last bold run, links where the
 * article had safe ones (nested as nestMarks nests a memo's marks). A reference that would fall inside a link moves to the link's
 * end (a footnote call inside link text is not a footnote). Headings and table cells cannot
 * hold a line break: there `breaks` is false and a newline becomes a space.
 */
export function markedPhrasing(
  text: string,
  part: TextRange,
  marks: PartMarks,
  links: readonly SafeLink[],
  reference: (highlightId: string) => FootnoteReference,
  breaks: boolean,
): PhrasingContent[] {
  const partLinks = links
    .filter((link) => link.start < part.end && link.end > part.start)
    .map((link) => ({
      ...link,
      start: Math.max(link.start, part.start),
      end: Math.min(link.end, part.end),
    }));
  const references = new Map<number, string[]>();
  for (const [offset, highlightIds] of marks.references) {
    const link = partLinks.find((l) => l.start < offset && offset < l.end);
    const at = link ? link.end : offset;
    references.set(at, [...(references.get(at) ?? []), ...highlightIds]);
  }
  const boundaries = [
    ...new Set([
      part.start,
      part.end,
      ...marks.bold.flatMap((r) => [r.start, r.end]),
      ...partLinks.flatMap((l) => [l.start, l.end]),
      ...references.keys(),
    ]),
  ].sort((a, b) => a - b);
  const inline = (raw: string): PhrasingContent[] => {
    // CommonMark reads NUL as U+FFFD: say so here, or a bold mark beside it would not open.
    const value = raw.replace(/\0/g, '\uFFFD');
    return breaks
      ? textWithBreaks(value)
      : [{ type: 'text', value: value.replace(/\r\n?|\n/g, ' ') }];
  };
  const linkMarks = partLinks.map((link, i): MarkWrap => ({
    key: `link${i}`,
    wrap: (children) => ({ type: 'link', url: link.href, children }),
  }));
  // A link partly in bold keeps its bold inside it, so the link stays one link.
  const strongInLink = partLinks.map((link, i): MarkWrap => {
    const whole = marks.bold.some((r) => r.start <= link.start && link.end <= r.end);
    return whole ? STRONG : { ...STRONG, key: `strong-in-link${i}` };
  });
  const runs: MarkedRun[] = [];
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const [start, end] = [boundaries[i]!, boundaries[i + 1]!];
    const link = partLinks.findIndex((l) => l.start <= start && start < l.end);
    const strong = link >= 0 ? strongInLink[link]! : STRONG;
    const runMarks = [
      ...(containing(marks.bold, start) ? [strong] : []),
      ...(link >= 0 ? [linkMarks[link]!] : []),
    ];
    runs.push({ marks: runMarks, content: inline(text.slice(start, end)) });
    const highlightIds = references.get(end);
    if (highlightIds) runs.push({ marks: [], content: highlightIds.map(reference) });
  }
  return withoutEdgeBreaks(nestMarks(runs));
}

/**
 * The phrasing without line breaks at its start or end: a hard break must have text after
 * it, and at the end of a paragraph its backslash would show as a backslash.
 */
function withoutEdgeBreaks(phrasing: PhrasingContent[]): PhrasingContent[] {
  const isEdge = (node: PhrasingContent | undefined) =>
    node?.type === 'break' || (node?.type === 'text' && node.value.trim() === '');
  let [start, end] = [0, phrasing.length];
  while (start < end && isEdge(phrasing[start])) start++;
  while (end > start && isEdge(phrasing[end - 1])) end--;
  return phrasing.slice(start, end);
}
