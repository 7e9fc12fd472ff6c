import { Button, Kbd, Paper } from '@mantine/core';
import { ToolbarActions } from './ToolbarActions';
import { useKeepInside } from './use-keep-inside';
import { useRef, type MouseEvent } from 'react';
import { useHighlightsStore } from '../../stores/highlights-store';
import type { ToolbarPlace } from './use-reader-interaction';

const TOOLBAR_HEIGHT = 38;

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
  const toolbarRef = useRef<HTMLDivElement>(null);
  useKeepInside(toolbarRef, Math.max(place.left, 0));
  const top = Math.max(place.top - TOOLBAR_HEIGHT - 6, 0);
  const done = () => {
    window.getSelection()?.collapseToEnd();
    onDone();
  };
  const store = useHighlightsStore.getState;

  return (
    <Paper
      ref={toolbarRef}
      className="selection-toolbar"
      shadow="md"
      withBorder
      role="toolbar"
      aria-label="Highlight the selection"
      style={{ top, left: Math.max(place.left, 0) }}
      onMouseDown={keepSelection}
      lang="en"
      dir="ltr"
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
    </Paper>
  );
}
