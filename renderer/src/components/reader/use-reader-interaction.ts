import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useDeleteClaimStore } from '../../stores/delete-claim-store';
import { useLinkingStore } from '../../stores/linking-store';
import { openAddToMemo } from '../memos/add-to-memo';
import type { Article } from '../../../../shared/domain/article';
import { classOfKey } from '../../lib/claim-classes';
import { isTypingTarget } from '../../lib/is-typing-target';
import type { TextIndex } from '../../lib/text-index';
import { useHighlightsStore } from '../../stores/highlights-store';
import { useSuggestionsStore } from '../../stores/suggestions-store';
import { useUiStore } from '../../stores/ui-store';
import { offsetAtPoint, selectedSpan, selectionRangeIn, type Span } from './reader-selection';

export interface ToolbarPlace {
  span: Span;
  top: number;
  left: number;
}
export interface CaretPlace {
  top: number;
  left: number;
  height: number;
}

type Granularity = 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary';
/** Caret keys: arrows by character (Ctrl: by word), up/down by line (Ctrl: by paragraph). */
function caretMove(event: KeyboardEvent): [direction: 'forward' | 'backward', Granularity] | null {
  const mod = event.ctrlKey || event.metaKey || event.altKey;
  switch (event.key) {
    case 'ArrowRight':
      return ['forward', mod ? 'word' : 'character'];
    case 'ArrowLeft':
      return ['backward', mod ? 'word' : 'character'];
    case 'ArrowDown':
      return ['forward', mod ? 'paragraph' : 'line'];
    case 'ArrowUp':
      return ['backward', mod ? 'paragraph' : 'line'];
    case 'End':
      return ['forward', 'lineboundary'];
    case 'Home':
      return ['backward', 'lineboundary'];
    default:
      return null;
  }
}

/**
 * S turns Suggest mode on and off. While it is on, keys pressed in the article's text (not
 * on a button, and with no words or highlight selected, whose keys come first): Tab and
 * Shift+Tab move between suggestions, Enter accepts, 1/2/3 accept as that class, Backspace
 * dismisses and Esc ends it. Returns whether the key was Suggest mode's.
 */
function suggestKey(
  event: KeyboardEvent,
  articleId: string,
  root: HTMLElement,
  hasSelection: boolean,
): boolean {
  const suggestions = useSuggestionsStore.getState();
  if (event.key.toLowerCase() === 's' && !event.shiftKey) {
    event.preventDefault();
    void suggestions.toggle(articleId);
    return true;
  }
  if (suggestions.articleId !== articleId || hasSelection) return false;
  // The bar's and toolbars' buttons sit inside the article: their keys are their own.
  const target = event.target as Element;
  const fromText =
    target === root || target === document.body || !!target.closest?.('.reader-body');
  if (!fromText) return false;
  const highlights = useHighlightsStore.getState();
  const selected = highlights.selectedId || highlights.reattachingId;
  if (event.key === 'Escape' && !selected) {
    event.preventDefault();
    suggestions.stop();
    return true;
  }
  // While loading or after an error, Tab reaches the bar's buttons as usual.
  if (suggestions.status !== 'ready') return false;
  if (event.key === 'Tab') {
    event.preventDefault();
    highlights.select(null);
    suggestions.step(event.shiftKey ? -1 : 1);
    return true;
  }
  if (event.shiftKey || selected) return false;
  const claimClass = classOfKey(event.key);
  if (claimClass || event.key === 'Enter') {
    event.preventDefault();
    void suggestions.accept(claimClass ?? undefined);
    return true;
  }
  if (event.key === 'Backspace') {
    event.preventDefault();
    void suggestions.dismiss();
    return true;
  }
  return false;
}

/** Where a rect sits inside the positioned `.reader` element. */
function placeIn(root: HTMLElement, rect: DOMRect) {
  const box = root.getBoundingClientRect();
  return { top: rect.top - box.top, left: rect.left - box.left };
}

/**
 * The reader's keyboard and pointer: a caret moved with the arrows (Shift extends the
 * selection, across paragraphs, list items, cells and links), the selection toolbar,
 * keys 1/2/3/T/N on a selection, j/k/Enter/Del/Esc on highlights, Ctrl+Z and Ctrl+Shift+Z,
 * and clicking a painted highlight to select it.
 */
export function useReaderInteraction(
  article: Article,
  rootRef: RefObject<HTMLElement | null>,
  getIndex: () => TextIndex | null,
): { toolbar: ToolbarPlace | null; caret: CaretPlace | null; closeToolbar: () => void } {
  const [toolbar, setToolbar] = useState<ToolbarPlace | null>(null);
  const [caret, setCaret] = useState<CaretPlace | null>(null);
  const [pointerDown, setPointerDown] = useState(false);

  const currentSpan = useCallback((): Span | null => {
    const root = rootRef.current;
    const index = getIndex();
    return root && index ? selectedSpan(root, index, article.text) : null;
  }, [article.text, getIndex, rootRef]);

  // The toolbar follows the selection; the caret is drawn while the reader has focus.
  useEffect(() => {
    const update = () => {
      const root = rootRef.current;
      const range = root && selectionRangeIn(root);
      if (!root || !range) {
        setToolbar(null);
        setCaret(null);
        return;
      }
      if (range.collapsed) {
        setToolbar(null);
        const rect = range.getBoundingClientRect();
        const focused = root.contains(document.activeElement);
        setCaret(
          focused && rect.height > 0 ? { ...placeIn(root, rect), height: rect.height } : null,
        );
        return;
      }
      setCaret(null);
      const span = currentSpan();
      const first = range.getClientRects()[0] ?? range.getBoundingClientRect();
      setToolbar(span ? { span, ...placeIn(root, first) } : null);
    };
    document.addEventListener('selectionchange', update);
    const root = rootRef.current;
    root?.addEventListener('focusin', update);
    root?.addEventListener('focusout', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      root?.removeEventListener('focusin', update);
      root?.removeEventListener('focusout', update);
    };
  }, [currentSpan, rootRef]);

  // Clicking a painted highlight selects it (the innermost one where highlights nest).
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    // The toolbar sits inside the reader: pressing its buttons must not hide it.
    const down = (event: PointerEvent) =>
      setPointerDown(!(event.target as Element).closest('.selection-toolbar'));
    const up = () => setPointerDown(false);
    const click = (event: MouseEvent) => {
      // Only the article's text: not the toolbars, the title or the metadata line.
      if (!(event.target as Element).closest('.reader-body')) return;
      if (!window.getSelection()?.isCollapsed) return;
      const index = getIndex();
      const offset = index && offsetAtPoint(index, event.clientX, event.clientY);
      if (offset === null || offset === undefined) return;
      const store = useHighlightsStore.getState();
      const hit = (at: number) =>
        store.items
          .filter((i) => i.anchor && i.anchor.start <= at && at < i.anchor.end)
          .sort((a, b) => a.anchor!.end - a.anchor!.start - (b.anchor!.end - b.anchor!.start))[0];
      const found = hit(offset) ?? hit(offset - 1);
      store.select(found?.highlight.id ?? null);
    };
    root.addEventListener('pointerdown', down);
    window.addEventListener('pointerup', up);
    root.addEventListener('click', click);
    return () => {
      root.removeEventListener('pointerdown', down);
      window.removeEventListener('pointerup', up);
      root.removeEventListener('click', click);
    };
  }, [getIndex, rootRef]);

  /** A collapsed caret at the first line visible in the reader, when it has none yet. */
  const ensureCaret = useCallback(() => {
    const root = rootRef.current;
    const index = getIndex();
    if (!root || !index || selectionRangeIn(root)) return;
    const scroller = root.closest('.pane-body') ?? root;
    const top = scroller.getBoundingClientRect().top;
    const run =
      index.runs.find((r) => r.node.parentElement!.getBoundingClientRect().bottom > top) ??
      index.runs[0];
    if (run) window.getSelection()?.collapse(run.node, 0);
  }, [getIndex, rootRef]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      // The reader stays mounted behind the other views; its keys are its own view's.
      if (useUiStore.getState().view !== 'library') return;
      const root = rootRef.current;
      if (!root) return;
      const store = useHighlightsStore.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();

      if (mod && !event.altKey && (key === 'z' || key === 'y')) {
        event.preventDefault();
        void (key === 'y' || event.shiftKey ? store.redo() : store.undo());
        return;
      }

      const inReader = root.contains(document.activeElement);
      const move = caretMove(event);
      if (move && inReader) {
        event.preventDefault();
        ensureCaret();
        const selection = window.getSelection()!;
        selection.modify(event.shiftKey ? 'extend' : 'move', ...move);
        selection.focusNode?.parentElement?.scrollIntoView({ block: 'nearest' });
        return;
      }
      if (mod || event.altKey) return;

      const span = currentSpan();
      if (suggestKey(event, article.id, root, span !== null)) return;
      const selected = store.find(store.selectedId);
      const claimClass = classOfKey(event.key);
      if (claimClass) {
        if (span && !store.reattachingId) {
          event.preventDefault();
          window.getSelection()?.collapseToEnd();
          void store.create(article.id, span, claimClass);
        } else if (selected) {
          event.preventDefault();
          void store.update(selected, { claimClass });
        }
        return;
      }
      switch (key) {
        case 't':
        case 'n': {
          const focus = key === 't' ? 'tags' : 'note';
          if (span) store.edit({ kind: 'draft', articleId: article.id, span, focus });
          else if (selected) store.edit({ kind: 'highlight', id: selected.id, focus });
          else return;
          event.preventDefault();
          return;
        }
        case 'l':
          // Links the selected evidence or risk claim to a thesis (a picker opens).
          if (selected && selected.claimClass !== 'thesis') {
            event.preventDefault();
            useLinkingStore.getState().start({ articleId: selected.articleId, id: selected.id });
          }
          return;
        case 'm':
          // "Add to memo…" for the selected claim.
          if (selected) {
            event.preventDefault();
            openAddToMemo(selected, article.tickers);
          }
          return;
        case 'j':
        case 'k':
          event.preventDefault();
          store.step(key === 'j' ? 1 : -1);
          return;
        case 'enter': {
          const orphan = store.find(store.reattachingId);
          if (span && orphan) {
            event.preventDefault();
            window.getSelection()?.collapseToEnd();
            void store.reattach(orphan, span);
          } else if (selected && (inReader || event.target === document.body)) {
            event.preventDefault();
            store.edit({ kind: 'highlight', id: selected.id, focus: 'class' });
          }
          return;
        }
        case 'delete':
          if (selected) {
            event.preventDefault();
            void useDeleteClaimStore.getState().request(selected);
          }
          return;
        case 'escape':
          if (store.reattachingId) store.startReattach(null);
          else if (span) window.getSelection()?.collapseToEnd();
          else if (store.selectedId) store.select(null);
          else if (inReader) useUiStore.getState().focusLibrary(); // back to the list
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [article.id, article.tickers, currentSpan, ensureCaret, rootRef]);

  return {
    toolbar: pointerDown ? null : toolbar,
    caret,
    closeToolbar: () => setToolbar(null),
  };
}
