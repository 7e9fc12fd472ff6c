import type { Blockquote, Paragraph, PhrasingContent } from 'mdast';
import type { ResolvedCitation } from './memo-citations';

/**
 * A citation that stands alone in its paragraph, as a block quote: the quote's own
 * paragraphs (blank-line separated in the article's text) kept, a line break inside one
 * kept as a hard break, and the footnote reference at the end. No quotation marks: the
 * block quote marks it as quoted.
 */
export function blockCitation({ quote, reference }: ResolvedCitation): Blockquote {
  const paragraphs = quote
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text): Paragraph => ({ type: 'paragraph', children: withBreaks(text) }));
  const last = paragraphs.at(-1);
  if (last) last.children.push(reference);
  else paragraphs.push({ type: 'paragraph', children: [reference] });
  return { type: 'blockquote', children: paragraphs };
}

/** Lines of one paragraph, each trimmed, joined by hard breaks. */
function withBreaks(text: string): PhrasingContent[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line, i): PhrasingContent[] =>
      i === 0
        ? [{ type: 'text', value: line }]
        : [{ type: 'break' }, { type: 'text', value: line }],
    );
}
