import { useEffect, useLayoutEffect } from 'react';
import type { TextIndex } from '../../lib/text-index';
import {
  currentSuggestion,
  useOpenSuggestions,
  useSuggestionsStore,
} from '../../stores/suggestions-store';
import { clearSuggestions, paintSuggestions } from './paint-suggestions';

/**
 * Paints the open article's suggestions while Suggest mode is on for it, and scrolls the
 * current one into view when Tab (or a decision) moves to it.
 */
export function useSuggestionPainting(articleId: string, getIndex: () => TextIndex | null): void {
  const activeFor = useSuggestionsStore((s) => s.articleId);
  const currentStart = useSuggestionsStore((s) => s.currentStart);
  const revealRequest = useSuggestionsStore((s) => s.revealRequest);
  const open = useOpenSuggestions();
  const active = activeFor === articleId;

  useLayoutEffect(() => {
    const index = getIndex();
    if (!index || !active) {
      clearSuggestions();
      return;
    }
    paintSuggestions(index, open, currentSuggestion(open, currentStart));
  }, [active, open, currentStart, getIndex]);

  useEffect(() => {
    if (!active || revealRequest === 0) return;
    const index = getIndex();
    const current = currentSuggestion(open, useSuggestionsStore.getState().currentStart);
    if (!index || !current) return;
    const first = index.rangesFor(current.start, current.end)[0];
    first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    // Only a new request scrolls: not each repaint of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealRequest, active]);

  // Leaving the article (or the reader) turns Suggest mode off.
  useEffect(
    () => () => {
      if (useSuggestionsStore.getState().articleId === articleId) {
        useSuggestionsStore.getState().stop();
      }
      clearSuggestions();
    },
    [articleId],
  );
}
