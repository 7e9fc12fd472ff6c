import { DocumentBuilder } from '../../../../../shared/text/document-builder';
import { toArticleBlocks } from '../../../../../shared/text/article-blocks';
import { normalizeArticleText } from '../../../../../shared/text/normalize-article-text';
import type { ParsedDocument } from '../parsed-document';

/**
 * Plain text (pasted or a .txt file): paragraphs at blank lines, single line breaks inside
 * a paragraph joined (they are wrapping), and a headline on top kept as the heading.
 */
export function parsePlainText(raw: string): ParsedDocument {
  const text = normalizeArticleText(raw);
  const builder = new DocumentBuilder();
  for (const block of toArticleBlocks(text)) {
    const inlines = [{ text: text.slice(block.start, block.end) }];
    if (block.kind === 'heading') builder.heading(block.level, inlines);
    else builder.paragraph(inlines);
  }
  return { ...builder.build(), metadata: {} };
}
