import type { ArticleBlock } from '../domain/article';

/**
 * Finds the paragraphs of canonical text as ranges into it. Text with blank lines is
 * split at blank lines (single line breaks inside a paragraph are wrapping); text without
 * any blank line has one paragraph per line, which is how most web pages paste.
 */
export function splitParagraphs(text: string): ArticleBlock[] {
  const separator = text.includes('\n\n') ? /\n\n+/g : /\n+/g;
  const blocks: ArticleBlock[] = [];
  let start = 0;
  const pushRange = (from: number, to: number) => {
    const slice = text.slice(from, to);
    const leading = slice.length - slice.trimStart().length;
    const trailing = slice.length - slice.trimEnd().length;
    if (from + leading < to - trailing) {
      blocks.push({ kind: 'paragraph', start: from + leading, end: to - trailing });
    }
  };
  for (const match of text.matchAll(separator)) {
    pushRange(start, match.index);
    start = match.index + match[0].length;
  }
  pushRange(start, text.length);
  return blocks;
}
