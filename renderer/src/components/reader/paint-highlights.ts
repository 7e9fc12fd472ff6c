import type { ClaimClass } from '../../../../shared/domain/highlight';
import { overlapSegments } from '../../lib/overlap-segments';
import type { TextIndex } from '../../lib/text-index';

export interface PaintedHighlight {
  id: string;
  claimClass: ClaimClass;
  start: number;
  end: number;
}

/** The CSS highlight names, styled in highlights.css. */
export const highlightName = {
  thesis: 'margin-thesis',
  risk: 'margin-risk',
  evidence: 'margin-evidence',
  overlap: 'margin-overlap',
  selected: 'margin-selected',
} as const;

/**
 * Paints the highlights with the CSS Custom Highlight API: no DOM mutation, so a thousand
 * highlights cost a thousand Range objects, not a thousand re-rendered components, and the
 * browser paints overlaps natively. Replaces whatever was painted before.
 */
export function paintHighlights(index: TextIndex, highlights: readonly PaintedHighlight[]): void {
  const byClass: Record<ClaimClass, Range[]> = { thesis: [], risk: [], evidence: [] };
  for (const h of highlights) byClass[h.claimClass].push(...index.rangesFor(h.start, h.end));
  const overlap = overlapSegments(highlights).flatMap((s) => index.rangesFor(s.start, s.end));
  const registry = CSS.highlights;
  registry.set(highlightName.thesis, withPriority(new Highlight(...byClass.thesis), 1));
  registry.set(highlightName.risk, withPriority(new Highlight(...byClass.risk), 2));
  registry.set(highlightName.evidence, withPriority(new Highlight(...byClass.evidence), 3));
  registry.set(highlightName.overlap, withPriority(new Highlight(...overlap), 4));
}

/** Paints the selected highlight on top of the others (a separate pass: j/k stay cheap). */
export function paintSelection(index: TextIndex, selected: PaintedHighlight | null): void {
  const ranges = selected ? index.rangesFor(selected.start, selected.end) : [];
  CSS.highlights.set(highlightName.selected, withPriority(new Highlight(...ranges), 5));
}

export function clearHighlights(): void {
  for (const name of Object.values(highlightName)) CSS.highlights.delete(name);
}

function withPriority(highlight: Highlight, priority: number): Highlight {
  highlight.priority = priority;
  return highlight;
}
