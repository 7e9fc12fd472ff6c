import type { PhrasingContent } from 'mdast';
import { formatCitationDate } from '../memo/source-label';
import { safeLinkHref } from '../text/safe-link-href';
import { oneLine } from './one-line';
import type { ReportSource } from './report-input';

/**
 * A source as a reader of the report identifies it: "Handelsblatt, *Microsoft zahlt
 * Milliarden*, by Jane Doe, 24 Nov 2026, ¶4. <https://…>" (missing parts are left out; the
 * locator only in a footnote; a file import names its file, as code, instead of a link).
 * Every part is a text or code node, so nothing the article's metadata holds can become
 * Markdown syntax; only http, https and mailto addresses become links.
 */
export function sourceDescription(
  source: ReportSource,
  locator: string | null = null,
): PhrasingContent[] {
  const parts: PhrasingContent[][] = [];
  const text = (value: string): PhrasingContent[] => [{ type: 'text', value: oneLine(value) }];
  if (source.publisher?.trim()) parts.push(text(source.publisher));
  const title = oneLine(source.title) || 'Untitled article';
  parts.push([{ type: 'emphasis', children: [{ type: 'text', value: title }] }]);
  if (source.author?.trim()) parts.push(text(`by ${source.author}`));
  const date = source.publishedAt ? formatCitationDate(source.publishedAt) : null;
  if (date) parts.push(text(date));
  if (locator?.trim()) parts.push(text(locator));
  const phrasing: PhrasingContent[] = parts.flatMap((part, i) =>
    i === 0 ? part : [{ type: 'text', value: ', ' }, ...part],
  );
  phrasing.push({ type: 'text', value: '.' });
  const where = sourceLocation(source);
  if (where.length > 0) phrasing.push({ type: 'text', value: ' ' }, ...where);
  return mergeTexts(phrasing);
}

/** The article's address as a link, or its file name; nothing when neither is known. */
function sourceLocation(source: ReportSource): PhrasingContent[] {
  const url = source.url ? safeLinkHref(source.url) : null;
  if (url) return [{ type: 'link', url, children: [{ type: 'text', value: url }] }];
  // As code: a file name is literal, and plain text would show `\.` escapes in the source.
  const fileName = source.fileName ? oneLine(source.fileName) : '';
  if (fileName) {
    return [
      { type: 'text', value: 'File: ' },
      { type: 'inlineCode', value: fileName },
      { type: 'text', value: '.' },
    ];
  }
  return [];
}

/** Adjacent text nodes as one, so the serializer escapes them as the text they make. */
export function mergeTexts(phrasing: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of phrasing) {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else merged.push(node.type === 'text' ? { ...node } : node);
  }
  return merged;
}

/**
 * The order of the Sources list: by publisher (or title when there is none), then title,
 * then date, then id, compared code unit by code unit after case folding, so the order is
 * the same on every machine (locale collation differs between ICU versions).
 */
export function compareSources(a: ReportSource, b: ReportSource): number {
  const key = (s: ReportSource) => [
    (s.publisher?.trim() || s.title.trim()).toLowerCase(),
    s.title.trim().toLowerCase(),
    s.publishedAt ?? '',
    s.articleId,
  ];
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}
