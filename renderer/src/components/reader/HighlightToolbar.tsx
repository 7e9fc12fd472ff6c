import { useLayoutEffect, useState, type RefObject } from 'react';
import { useDeleteClaimStore } from '../../stores/delete-claim-store';
import type { TextIndex } from '../../lib/text-index';
import { useHighlightsStore } from '../../stores/highlights-store';
import { ReaderToolbar } from './ReaderToolbar';
import { ToolbarActions } from './ToolbarActions';

/**
 * Above the selected highlight in the reader: re-class it, open its tags or note, delete
 * it. The same actions as the keys (1/2/3, T, N, Del), for the mouse.
 */
export function HighlightToolbar({
  rootRef,
  getIndex,
}: {
  rootRef: RefObject<HTMLElement | null>;
  getIndex: () => TextIndex | null;
}) {
  const selected = useHighlightsStore((s) =>
    s.selectedId && !s.editing && !s.reattachingId
      ? s.items.find((i) => i.highlight.id === s.selectedId && i.anchor)
      : undefined,
  );
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);

  // Measuring the painted words needs the DOM after render: a layout effect, before paint.
  useLayoutEffect(() => {
    const root = rootRef.current;
    const index = getIndex();
    const first =
      selected?.anchor && index?.rangesFor(selected.anchor.start, selected.anchor.end)[0];
    const rect = first ? first.getClientRects()[0] : undefined;
    const box = root?.getBoundingClientRect();
    setPlace(
      rect && box
        ? {
            top: rect.top - box.top,
            left: Math.max(rect.left - box.left, 0),
          }
        : null,
    );
  }, [selected, rootRef, getIndex]);

  if (!selected || !place) return null;
  const { highlight } = selected;
  const store = useHighlightsStore.getState;
  return (
    <ReaderToolbar label="Selected highlight" top={place.top} left={place.left}>
      <ToolbarActions
        current={highlight.claimClass}
        onClass={(claimClass) => void store().update(highlight, { claimClass })}
        onEdit={(focus) => store().edit({ kind: 'highlight', id: highlight.id, focus })}
        onDelete={() => void useDeleteClaimStore.getState().request(highlight)}
      />
    </ReaderToolbar>
  );
}
