import { useEffect, useState, type RefObject } from 'react';
import type { ClaimSuggestion } from '../../../../shared/domain/suggestion';
import { openSuggestions } from '../../lib/open-suggestions';
import type { TextIndex } from '../../lib/text-index';
import { useHighlightsStore } from '../../stores/highlights-store';
import { useSuggestionsStore } from '../../stores/suggestions-store';
import { offsetAtPoint } from './reader-selection';

export interface SuggestionTip {
  suggestion: ClaimSuggestion;
  top: number;
  left: number;
}

/** The open suggestion under a point of the article's text, if any. */
function suggestionAt(index: TextIndex, x: number, y: number): ClaimSuggestion | null {
  const offset = offsetAtPoint(index, x, y);
  if (offset === null) return null;
  const open = openSuggestions(
    useSuggestionsStore.getState().items,
    useHighlightsStore.getState().items,
  );
  return open.find((s) => s.start <= offset && offset < s.end) ?? null;
}

/**
 * In Suggest mode: the reasons of the suggestion under the pointer (a tip beside it), and
 * a click on a suggestion makes it the current one.
 */
export function useSuggestionHover(
  articleId: string,
  rootRef: RefObject<HTMLElement | null>,
  getIndex: () => TextIndex | null,
): SuggestionTip | null {
  const active = useSuggestionsStore((s) => s.articleId === articleId && s.status === 'ready');
  const [tip, setTip] = useState<SuggestionTip | null>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!root || !active) {
      setTip(null);
      return;
    }
    let frame = 0;
    const move = (event: PointerEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const index = getIndex();
        const inText = (event.target as Element).closest('.reader-body');
        const found = index && inText ? suggestionAt(index, event.clientX, event.clientY) : null;
        if (!found) {
          setTip((shown) => (shown ? null : shown));
          return;
        }
        // Placed once per suggestion, where the pointer entered it: moving within the
        // sentence re-renders nothing.
        const box = root.getBoundingClientRect();
        setTip((shown) =>
          shown?.suggestion === found
            ? shown
            : {
                suggestion: found,
                top: event.clientY - box.top + 18,
                left: Math.max(event.clientX - box.left - 40, 0),
              },
        );
      });
    };
    const leave = () => {
      cancelAnimationFrame(frame);
      setTip(null);
    };
    const click = (event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const index = getIndex();
      if (!index || !(event.target as Element).closest('.reader-body')) return;
      const found = suggestionAt(index, event.clientX, event.clientY);
      if (found) useSuggestionsStore.getState().choose(found.start);
    };
    root.addEventListener('pointermove', move);
    root.addEventListener('pointerleave', leave);
    root.addEventListener('click', click);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('pointermove', move);
      root.removeEventListener('pointerleave', leave);
      root.removeEventListener('click', click);
    };
  }, [active, getIndex, rootRef]);

  return tip;
}
