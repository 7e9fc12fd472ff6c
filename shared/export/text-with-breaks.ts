import type { PhrasingContent } from 'mdast';

/**
 * Text whose line breaks are kept as hard breaks: a bare newline in a text node would be
 * a soft break, which Markdown renders as a space. Spaces that start a continuation line
 * are dropped: Markdown ignores them, and the serializer would write them as `&#x20;`.
 */
export function textWithBreaks(text: string): PhrasingContent[] {
  const phrasing: PhrasingContent[] = [];
  for (const [i, line] of text.split(/\r\n?|\n/).entries()) {
    if (i > 0) phrasing.push({ type: 'break' });
    const value = i > 0 ? line.replace(/^[ \t]+/, '') : line;
    if (value) phrasing.push({ type: 'text', value });
  }
  return phrasing;
}
