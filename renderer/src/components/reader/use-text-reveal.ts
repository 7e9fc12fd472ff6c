import { useEffect, useRef } from 'react';
import type { TextIndex } from '../../lib/text-index';
import { useUiStore } from '../../stores/ui-store';

/**
 * A search hit opened in the reader: its words are selected (so 1/2/3 can highlight them
 * at once) and scrolled to the middle of the view.
 */
export function useTextReveal(articleId: string, getIndex: () => TextIndex | null): void {
  const reveal = useUiStore((s) => s.textReveal);
  const handled = useRef(0);
  useEffect(() => {
    if (!reveal || reveal.articleId !== articleId || reveal.nonce === handled.current) return;
    const index = getIndex();
    if (!index) return;
    handled.current = reveal.nonce;
    const ranges = index.rangesFor(reveal.start, reveal.end);
    const first = ranges[0];
    const last = ranges[ranges.length - 1];
    if (!first || !last) return;
    const range = document.createRange();
    range.setStart(first.startContainer, first.startOffset);
    range.setEnd(last.endContainer, last.endOffset);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }, [reveal, articleId, getIndex]);
}
