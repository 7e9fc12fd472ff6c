import type { ClaimClass } from '../../../../shared/domain/highlight';
import type { ClaimSuggestion } from '../../../../shared/domain/suggestion';
import type { TextIndex } from '../../lib/text-index';

/** The CSS highlight names of suggestions, styled in suggestions.css. */
export const suggestionHighlightName = {
  thesis: 'margin-suggest-thesis',
  risk: 'margin-suggest-risk',
  evidence: 'margin-suggest-evidence',
  current: 'margin-suggest-current',
} as const;

/**
 * Paints suggestions as faint, dashed highlights in their class colour (below the real
 * highlights, which are painted with higher priority), and the current one a little
 * stronger. Like highlights, with the CSS Custom Highlight API: no DOM mutation.
 */
export function paintSuggestions(
  index: TextIndex,
  suggestions: readonly ClaimSuggestion[],
  current: ClaimSuggestion | null,
): void {
  const byClass: Record<ClaimClass, Range[]> = { thesis: [], risk: [], evidence: [] };
  for (const s of suggestions) byClass[s.claimClass].push(...index.rangesFor(s.start, s.end));
  const registry = CSS.highlights;
  const put = (name: string, ranges: Range[], priority: number) => {
    const highlight = new Highlight(...ranges);
    highlight.priority = priority;
    registry.set(name, highlight);
  };
  // Below every real highlight (priorities 1–5), the current one above the others.
  put(suggestionHighlightName.thesis, byClass.thesis, -2);
  put(suggestionHighlightName.risk, byClass.risk, -2);
  put(suggestionHighlightName.evidence, byClass.evidence, -2);
  put(
    suggestionHighlightName.current,
    current ? index.rangesFor(current.start, current.end) : [],
    -1,
  );
}

export function clearSuggestions(): void {
  for (const name of Object.values(suggestionHighlightName)) CSS.highlights.delete(name);
}
