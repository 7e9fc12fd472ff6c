import type { ClaimSuggestion } from '../domain/suggestion';
import { scoreSentence } from './score-sentence';
import { lexiconFor, type CueLexicon } from './cue-lexicon';
import { segmentSentences } from './segment-sentences';

/**
 * Every sentence of an article that the scorer proposes as a claim, in text order. Spans
 * are offsets in the canonical text, so a suggestion anchors exactly like a highlight.
 * `lexicon` replaces the built-in one for the language (the analyst's own cues).
 */
export function suggestClaims(
  text: string,
  language: string,
  lexicon?: CueLexicon,
): ClaimSuggestion[] {
  const chosen = lexiconFor(language);
  const suggestions: ClaimSuggestion[] = [];
  for (const span of segmentSentences(text, language)) {
    const score = scoreSentence(
      text.slice(span.start, span.end),
      lexicon ?? chosen.lexicon,
      chosen.language,
    );
    if (score) suggestions.push({ ...span, ...score });
  }
  return suggestions;
}
