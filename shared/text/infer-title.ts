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

/** What may open a sentence: an upper-case letter, a digit, an opening quote or bracket. */
const SENTENCE_START = /^[\p{Lu}\p{N}"'„“«‚‘‹(]/u;
/** A headline line is clearly shorter than the wrapped lines of the paragraph it sits on. */
const HEADLINE_TO_WRAP_RATIO = 0.75;

/**
 * The article's headline, as a range of the text: its first line, when that reads like a
 * headline (short, one sentence, not ending like prose) and more text follows. When the
 * first line is part of a multi-line paragraph, it must also stand apart from it: the
 * next line starts a sentence, and the first line is clearly shorter than the wrapped
 * lines (so "Die Fed\nsenkt die Zinsen." is prose, not a headline). Null otherwise.
 */
export function findLeadingHeadline(text: string): ArticleBlock | null {
  const [first, second] = splitParagraphs(text);
  if (!first) return null;
  const lines = text.slice(first.start, first.end).split('\n');
  const line = lines[0]!.trimEnd();
  if (!looksLikeHeadline(line)) return null;
  const heading: ArticleBlock = {
    kind: 'heading',
    level: 1,
    start: first.start,
    end: first.start + line.length,
  };
  if (lines.length === 1) return second ? heading : null;
  const longest = Math.max(...lines.map((l) => l.trim().length));
  const standsApart =
    SENTENCE_START.test(lines[1]!.trimStart()) && line.length < HEADLINE_TO_WRAP_RATIO * longest;
  return standsApart ? heading : null;
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
  // Only the first sentence matters; segmenting a huge paragraph whole would be slow.
  const firstSentence = sentences(opening.slice(0, 2_000))[0] ?? opening;
  if (firstSentence.length <= INFERRED_TITLE_MAX_CHARS) {
    const title = firstSentence.replace(/\.$/, '');
    // A "sentence" that is only a full stop (a file of noise starting with ".") keeps it:
    // an article always has a title.
    return title.trim() === '' ? firstSentence : title;
  }
  return cutAtWordBoundary(firstSentence, INFERRED_TITLE_MAX_CHARS);
}
