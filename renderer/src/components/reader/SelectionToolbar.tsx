import { Button, Kbd } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useHighlightsStore } from '../../stores/highlights-store';
import { ReaderToolbar } from './ReaderToolbar';
import { ToolbarActions } from './ToolbarActions';
import type { ToolbarPlace } from './use-reader-interaction';

/** Keeps the selection: a mouse press on the toolbar must not clear it. */
const keepSelection = (event: MouseEvent) => event.preventDefault();

/** The small toolbar above a selection in the reader: class keys, tag and note. */
export function SelectionToolbar({
  articleId,
  place,
  onDone,
}: {
  articleId: string;
  place: ToolbarPlace;
  onDone: () => void;
}) {
  const reattachingId = useHighlightsStore((s) => s.reattachingId);
  const done = () => {
    window.getSelection()?.collapseToEnd();
    onDone();
  };
  const store = useHighlightsStore.getState;

  return (
    <ReaderToolbar
      label="Highlight the selection"
      top={place.top}
      left={Math.max(place.left, 0)}
      onMouseDown={keepSelection}
    >
      {reattachingId ? (
        <>
          <Button
            size="compact-sm"
            onClick={() => {
              const orphan = store().find(reattachingId);
              if (orphan) void store().reattach(orphan, place.span);
              done();
            }}
          >
            Attach here <Kbd ml={6}>Enter</Kbd>
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => store().startReattach(null)}>
            Cancel
          </Button>
        </>
      ) : (
        <ToolbarActions
          onClass={(claimClass) => {
            void store().create(articleId, place.span, claimClass);
            done();
          }}
          onEdit={(focus) => store().edit({ kind: 'draft', articleId, span: place.span, focus })}
        />
      )}
    </ReaderToolbar>
  );
}
