import type { ArticleLink } from '../../../shared/domain/article';

export type TextRun = { start: number; end: number; href: string | null };

/**
 * Splits `[start, end)` of the text into runs, each either inside one link or outside
 * any. Links are sorted and do not overlap (the importer builds them that way).
 */
export function textRuns(start: number, end: number, links: readonly ArticleLink[]): TextRun[] {
  const runs: TextRun[] = [];
  let position = start;
  for (const link of linksWithin(links, start, end)) {
    const from = Math.max(link.start, start);
    const to = Math.min(link.end, end);
    if (from > position) runs.push({ start: position, end: from, href: null });
    runs.push({ start: from, end: to, href: link.href });
    position = to;
  }
  if (position < end) runs.push({ start: position, end, href: null });
  return runs;
}

/** The links overlapping a range, found by binary search: articles can hold thousands. */
function linksWithin(links: readonly ArticleLink[], start: number, end: number): ArticleLink[] {
  let low = 0;
  let high = links.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (links[mid]!.end <= start) low = mid + 1;
    else high = mid;
  }
  const found: ArticleLink[] = [];
  for (let i = low; i < links.length && links[i]!.start < end; i++) found.push(links[i]!);
  return found;
}
