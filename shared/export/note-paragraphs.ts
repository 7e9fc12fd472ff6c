import type { Paragraph } from 'mdast';
import { textWithBreaks } from './text-with-breaks';

/**
 * The analyst's multi-line text (a note) as paragraphs, the first one led by `label`
 * ("Note: "): a blank line starts a paragraph, a single line break stays a line break.
 * Lines are trimmed, since leading spaces would read as indentation (code, nested lists).
 */
export function noteParagraphs(label: string, text: string): Paragraph[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .trim(),
    )
    .filter((paragraph) => paragraph.length > 0);
  return paragraphs.map((paragraph, i) => ({
    type: 'paragraph',
    children: textWithBreaks(i === 0 ? `${label}${paragraph}` : paragraph),
  }));
}
