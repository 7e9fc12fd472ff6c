import type { ClaimSuggestion } from '../../../shared/domain/suggestion';

/**
 * The suggestions still to decide on: those that no highlight of the article overlaps (a
 * sentence the analyst already highlighted, in part or whole, is no longer a suggestion).
 */
export function openSuggestions(
  suggestions: readonly ClaimSuggestion[],
  highlights: ReadonlyArray<{ anchor: { start: number; end: number } | null }>,
): ClaimSuggestion[] {
  const spans = highlights.flatMap((h) => (h.anchor ? [h.anchor] : []));
  return suggestions.filter((s) => !spans.some((h) => h.start < s.end && s.start < h.end));
}
