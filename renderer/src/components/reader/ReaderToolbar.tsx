import { Paper } from '@mantine/core';
import { useRef, type MouseEventHandler, type ReactNode } from 'react';
import { useKeepInside } from './use-keep-inside';

/** How far above the words a toolbar sits: its height and a small gap. */
export const TOOLBAR_OFFSET = 44;

/**
 * A toolbar floating over words in the reader (placed in the reader's coordinates, kept
 * inside it), in the app's language whatever the article's.
 */
export function ReaderToolbar({
  label,
  top,
  left,
  onMouseDown,
  children,
}: {
  label: string;
  top: number;
  left: number;
  onMouseDown?: MouseEventHandler;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useKeepInside(ref, left);
  return (
    <Paper
      ref={ref}
      className="selection-toolbar"
      shadow="md"
      withBorder
      role="toolbar"
      aria-label={label}
      style={{ top: Math.max(top - TOOLBAR_OFFSET, 0), left }}
      onMouseDown={onMouseDown}
      lang="en"
      dir="ltr"
    >
      {children}
    </Paper>
  );
}
