import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { AnchoredHighlight } from '../../../../shared/domain/highlight';
import { useBacklinksStore } from '../../stores/backlinks-store';
import { useHighlightsStore } from '../../stores/highlights-store';
import { HighlightCard } from './HighlightCard';
import { HighlightEditorCard } from './HighlightEditorCard';

const ESTIMATED_CARD_HEIGHT = 96;

/**
 * The highlights in document order, virtualised: an article can hold a thousand, and only
 * the cards in view are rendered (and measured, since cards differ in height).
 */
export function HighlightList({
  items,
  scrollRef,
}: {
  items: readonly AnchoredHighlight[];
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const selectedId = useHighlightsStore((s) => s.selectedId);
  const editingId = useHighlightsStore((s) =>
    s.editing?.kind === 'highlight' ? s.editing.id : null,
  );
  const editingIndex = items.findIndex((i) => i.highlight.id === editingId);
  // The virtualizer's methods change identity on purpose; nothing here memoises them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (i) => items[i]!.highlight.id,
    overscan: 6,
    // The card being edited stays rendered when scrolled away: its typing lives in it.
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range);
      return editingIndex >= 0 && !rows.includes(editingIndex)
        ? [...rows, editingIndex].sort((a, b) => a - b)
        : rows;
    },
  });

  // The selected card follows j/k and clicks in the reader.
  const selectedIndex = items.findIndex((i) => i.highlight.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  // "Cited in" for every card, asked once for the whole list rather than card by card.
  const backlinksKnown = useBacklinksStore((s) => s.byClaim);
  useEffect(() => {
    const missing = items.map((i) => i.highlight.id).filter((id) => !backlinksKnown.has(id));
    if (missing.length > 0) void useBacklinksStore.getState().load(missing);
  }, [items, backlinksKnown]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if ((event.target as Element).getAttribute('role') !== 'option') return; // not in the editor
    event.preventDefault();
    const store = useHighlightsStore.getState();
    store.step(event.key === 'ArrowDown' ? 1 : -1);
    requestAnimationFrame(() =>
      document.getElementById(`highlight-${useHighlightsStore.getState().selectedId}`)?.focus(),
    );
  };

  return (
    <ul
      className="highlight-list"
      role="listbox"
      aria-label="Highlights in document order"
      onKeyDown={onKeyDown}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index]!;
        const id = item.highlight.id;
        return (
          <li
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="highlight-row"
            style={{ transform: `translateY(${row.start}px)` }}
            role="presentation"
          >
            {id === editingId ? (
              <HighlightEditorCard item={item} />
            ) : (
              <HighlightCard item={item} selected={id === selectedId} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
