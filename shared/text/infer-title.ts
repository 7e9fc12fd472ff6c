import type { ArticleBlock } from '../domain/article';
import { splitParagraphs } from './split-paragraphs';

/** Longest title Margin infers; the analyst can always type their own. */
export const INFERRED_TITLE_MAX_CHARS = 90;

/** A headline is short, one sentence, and does not end like running prose. */
const HEADLINE_MAX_CHARS = 150;
const HEADLINE_MAX_WORDS = 24;
const PROSE_ENDING = /[.,;:…]$/u;

/**
 * Root-locale sentence rules: the same split in main and in the renderer (which previews
 * the inferred title before the language is known), whatever the machine's locale.
 */
const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

function sentences(text: string): string[] {
  return Array.from(sentenceSegmenter.segment(text), (s) => s.segment.trim()).filter(Boolean);
}

function looksLikeHeadline(line: string): boolean {
  return (
    line.length <= HEADLINE_MAX_CHARS &&
    line.split(/\s+/).length <= HEADLINE_MAX_WORDS &&
    !PROSE_ENDING.test(line) &&
    sentences(line).length === 1
  );
}

/** Cuts at a word boundary so that the result, with its ellipsis, fits `max` characters. */
function cutAtWordBoundary(sentence: string, max: number): string {
  const room = max - 1;
  const prefix = sentence.slice(0, room + 1);
  const lastSpace = prefix.lastIndexOf(' ');
  const cut =
    lastSpace > 0 ? prefix.slice(0, lastSpace) : Array.from(sentence).slice(0, room).join('');
  return cut.replace(/[\s,;:–—-]+$/u, '') + '…';
}

/**
 * The article's headline: its first paragraph, when the text goes on after it and it
 * reads like a headline (short, one sentence, not ending like prose). Null otherwise.
 */
export function findLeadingHeadline(text: string): ArticleBlock | null {
  const [first, second] = splitParagraphs(text);
  if (!first || !second) return null;
  const line = text.slice(first.start, first.end);
  return looksLikeHeadline(line.replace(/\s+/g, ' '))
    ? { ...first, kind: 'heading', level: 1 }
    : null;
}

/**
 * The title Margin gives an article that has none: its headline when it has one, else its
 * first sentence, cut at a word boundary to at most 90 characters. `text` is canonical
 * text (see normalizeArticleText); paragraphs are found the way the reader shows them, so
 * a wrapped first line is never mistaken for a headline.
 */
export function inferTitle(text: string): string {
  const headline = findLeadingHeadline(text);
  const first = headline ?? splitParagraphs(text)[0];
  if (!first) return '';
  const opening = text.slice(first.start, first.end).replace(/\s+/g, ' ');
  if (headline) {
    return opening.length <= INFERRED_TITLE_MAX_CHARS
      ? opening
      : cutAtWordBoundary(opening, INFERRED_TITLE_MAX_CHARS);
  }
  const firstSentence = sentences(opening)[0] ?? opening;
  if (firstSentence.length <= INFERRED_TITLE_MAX_CHARS) return firstSentence.replace(/\.$/, '');
  return cutAtWordBoundary(firstSentence, INFERRED_TITLE_MAX_CHARS);
}
