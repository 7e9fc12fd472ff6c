import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { Article } from '../../../../shared/domain/article';
import { paintMarks } from '../../lib/paint-marks';
import { TextIndex } from '../../lib/text-index';
import { useHighlightsStore } from '../../stores/highlights-store';
import {
  clearHighlights,
  paintHighlights,
  paintSelection,
  type PaintedHighlight,
} from './paint-highlights';

/**
 * Marks "painted" once the frame holding the highlights has been rendered: a message
 * posted from the next animation frame runs after that frame's style, layout and paint.
 */
function markAfterNextFrame(): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.mark(paintMarks.painted);
      if (performance.getEntriesByName(paintMarks.select, 'mark').length > 0) {
        performance.measure(paintMarks.measure, paintMarks.select, paintMarks.painted);
      }
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Keeps the reader's text index and paints the open article's highlights whenever they,
 * or the selected one, change. Returns the current index (built once per article).
 */
export function useHighlightPainting(
  article: Article,
  bodyRef: RefObject<HTMLElement | null>,
): () => TextIndex | null {
  const indexRef = useRef<{ articleId: string; index: TextIndex } | null>(null);
  const items = useHighlightsStore((s) => s.items);
  const status = useHighlightsStore((s) => s.status);
  const loadedFor = useHighlightsStore((s) => s.articleId);
  const selectedId = useHighlightsStore((s) => s.selectedId);
  const revealRequest = useHighlightsStore((s) => s.revealRequest);
  const markedFor = useRef<string | null>(null);

  const getIndex = useMemo(
    () => () => {
      const body = bodyRef.current;
      if (!body) return null;
      const cached = indexRef.current;
      const stale =
        !cached || cached.articleId !== article.id || !cached.index.runs[0]?.node.isConnected;
      if (stale) indexRef.current = { articleId: article.id, index: TextIndex.of(body) };
      return indexRef.current!.index;
    },
    [article.id, bodyRef],
  );

  const painted = useMemo<PaintedHighlight[]>(
    () =>
      loadedFor !== article.id
        ? []
        : items.flatMap(({ highlight, anchor }) =>
            anchor ? [{ id: highlight.id, claimClass: highlight.claimClass, ...anchor }] : [],
          ),
    [items, loadedFor, article.id],
  );

  useLayoutEffect(() => {
    const index = getIndex();
    if (!index) return;
    paintHighlights(index, painted);
    if (status === 'ready' && loadedFor === article.id && markedFor.current !== article.id) {
      markedFor.current = article.id;
      markAfterNextFrame();
    }
  }, [getIndex, painted, status, loadedFor, article.id]);

  useLayoutEffect(() => {
    const index = getIndex();
    if (index) paintSelection(index, painted.find((h) => h.id === selectedId) ?? null);
  }, [getIndex, painted, selectedId]);

  useEffect(() => clearHighlights, []);

  // j/k and clicks in the panel ask for the selected highlight to be scrolled into view.
  useEffect(() => {
    if (revealRequest === 0) return;
    const index = getIndex();
    const item = useHighlightsStore
      .getState()
      .items.find((i) => i.highlight.id === useHighlightsStore.getState().selectedId);
    if (!index || !item?.anchor) return;
    const first = index.rangesFor(item.anchor.start, item.anchor.end)[0];
    first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }, [revealRequest, getIndex]);

  return getIndex;
}
