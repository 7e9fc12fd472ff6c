import type { Article } from '../../../../shared/domain/article';
import type { HighlightSelectors } from '../../../../shared/domain/highlight';
import { HIGHLIGHT_MAX_CHARS } from '../../../../shared/domain/highlight-limits';
import { describeTextRange } from '../../../../shared/anchoring/describe-text-range';
import { AppError } from '../../errors/app-error';

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The selectors for `start..end` of the article, taken from the article itself: the page
 * can name a range, never the words, so a stored quote is always the source's own.
 */
export function quoteSelectors(article: Article, start: number, end: number): HighlightSelectors {
  const { text } = article;
  if (end > text.length) {
    throw new AppError('INVALID_INPUT', 'The selection is outside the article text.');
  }
  if (isLowSurrogate(text.charCodeAt(start)) || isLowSurrogate(text.charCodeAt(end))) {
    throw new AppError('INVALID_INPUT', 'The selection splits a character.');
  }
  if (end - start > HIGHLIGHT_MAX_CHARS) {
    throw new AppError(
      'INVALID_INPUT',
      `A highlight can hold at most ${HIGHLIGHT_MAX_CHARS.toLocaleString('en')} characters; select a shorter passage.`,
    );
  }
  if (text.slice(start, end).trim() === '') {
    throw new AppError('INVALID_INPUT', 'The selection holds no words to highlight.');
  }
  return describeTextRange(text, start, end);
}
