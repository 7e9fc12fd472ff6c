import type { ArticleBlock } from '../domain/article';
import { findLeadingHeadline } from './infer-title';
import { splitParagraphs } from './split-paragraphs';

/**
 * The body structure of canonical text: its paragraphs, with a leading headline marked
 * as the level-1 heading (split off the first paragraph when it sat on top of it).
 */
export function toArticleBlocks(text: string): ArticleBlock[] {
  const [first, ...rest] = splitParagraphs(text);
  if (!first) return [];
  const headline = findLeadingHeadline(text);
  if (!headline) return [first, ...rest];
  if (headline.end === first.end) return [headline, ...rest];
  const remainder = text.slice(headline.end, first.end);
  const start = headline.end + (remainder.length - remainder.trimStart().length);
  return [headline, { kind: 'paragraph', start, end: first.end }, ...rest];
}
