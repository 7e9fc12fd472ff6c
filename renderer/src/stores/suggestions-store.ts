import { useMemo } from 'react';
import { create } from 'zustand';
import type { ClaimClass } from '../../../shared/domain/highlight';
import type { ClaimSuggestion } from '../../../shared/domain/suggestion';
import { openSuggestions } from '../lib/open-suggestions';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';
import { useHighlightsStore } from './highlights-store';
import { useUiStore } from './ui-store';

interface SuggestionsState {
  /** The article Suggest mode is on for; null when it is off. */
  articleId: string | null;
  status: 'off' | 'loading' | 'ready' | 'error';
  /** The article's suggestions in text order, without dismissed and accepted ones. */
  items: ClaimSuggestion[];
  /** Where the current suggestion starts (stable while others are accepted or dismissed). */
  currentStart: number | null;
  dismissed: number;
  /** The last failure, for the bar; cleared by the next success. */
  message: string | null;
  /** Bumped when the reader should scroll the current suggestion into view. */
  revealRequest: number;
  start(articleId: string): Promise<void>;
  stop(): void;
  toggle(articleId: string): Promise<void>;
  /** Moves to the next (1) or previous (−1) open suggestion, wrapping around. */
  step(direction: 1 | -1): void;
  /** Makes the suggestion starting at `start` the current one. */
  choose(start: number): void;
  /** Accepts the current suggestion as a highlight of its class, or of `as`. */
  accept(as?: ClaimClass): Promise<void>;
  dismiss(): Promise<void>;
  restoreDismissed(): Promise<void>;
}

/** Accepting failed: the highlights store already has the analyst's message. */
class NotAccepted extends Error {}

/** The open suggestions: the store's items minus those a highlight now overlaps. */
export function useOpenSuggestions(): ClaimSuggestion[] {
  const items = useSuggestionsStore((s) => s.items);
  const highlights = useHighlightsStore((s) => s.items);
  // The same list while neither changes: painting depends on it.
  return useMemo(() => openSuggestions(items, highlights), [items, highlights]);
}

const openNow = () =>
  openSuggestions(useSuggestionsStore.getState().items, useHighlightsStore.getState().items);

/** The current suggestion among the open ones (the first after a decision took it away). */
export function currentSuggestion(
  open: readonly ClaimSuggestion[],
  currentStart: number | null,
): ClaimSuggestion | null {
  if (open.length === 0) return null;
  return open.find((s) => s.start >= (currentStart ?? 0)) ?? open[0]!;
}

/**
 * Suggest mode (S in the reader): the open article's claim suggestions, scored in main on
 * this machine. Each decision is sent to main, which counts it per cue and keeps dismissed
 * ones dismissed; accepting goes through the highlights store, so it is undoable like any
 * other highlight.
 */
export const useSuggestionsStore = create<SuggestionsState>()((set, get) => {
  const api = () => requireWorkbench().suggestions;
  let queue: Promise<void> = Promise.resolve();

  /**
   * Decides on the current suggestion: it leaves the list at once and the next becomes
   * current, so the analyst can press the next key straight away; the work then runs in
   * order after earlier decisions. When it fails, the suggestion comes back with the reason.
   */
  function decide(
    task: (taken: ClaimSuggestion, articleId: string) => Promise<void>,
  ): Promise<void> {
    const { articleId, status, currentStart } = get();
    const taken = currentSuggestion(openNow(), currentStart);
    if (status !== 'ready' || !articleId || !taken) return queue;
    const next = openNow().find((s) => s.start > taken.start);
    set((s) => ({
      items: s.items.filter((i) => i.start !== taken.start),
      currentStart: next?.start ?? null,
      message: null,
      revealRequest: s.revealRequest + 1,
    }));
    queue = queue.then(async () => {
      try {
        await task(taken, articleId);
      } catch (error) {
        if (get().articleId !== articleId) return;
        set((s) => ({
          items: [...s.items, taken].sort((a, b) => a.start - b.start),
          currentStart: taken.start,
          message: error instanceof NotAccepted ? error.message : errorMessage(error),
        }));
      }
    });
    return queue;
  }

  return {
    articleId: null,
    status: 'off',
    items: [],
    currentStart: null,
    dismissed: 0,
    message: null,
    revealRequest: 0,

    start: async (articleId) => {
      // The keys (Tab, Enter, 1/2/3, Backspace) act from the article.
      useUiStore.getState().focusReader();
      set({ articleId, status: 'loading', items: [], currentStart: null, message: null });
      try {
        const result = await api().list({ articleId });
        if (get().articleId !== articleId) return;
        set((s) => ({
          status: 'ready',
          items: result.suggestions,
          dismissed: result.dismissed,
          currentStart: null,
          revealRequest: s.revealRequest + 1,
        }));
      } catch (error) {
        if (get().articleId === articleId) set({ status: 'error', message: errorMessage(error) });
      }
    },

    stop: () =>
      set({ articleId: null, status: 'off', items: [], currentStart: null, message: null }),

    toggle: async (articleId) => {
      if (get().articleId === articleId && get().status !== 'off') get().stop();
      else await get().start(articleId);
    },

    step: (direction) => {
      const open = openNow();
      if (open.length === 0) return;
      const current = currentSuggestion(open, get().currentStart);
      const at = current ? open.indexOf(current) : -1;
      const next = open[(at + direction + open.length) % open.length]!;
      set((s) => ({ currentStart: next.start, revealRequest: s.revealRequest + 1 }));
    },

    choose: (start) => set({ currentStart: start }),

    accept: (as) =>
      decide(async (taken, articleId) => {
        const claimClass = as ?? taken.claimClass;
        const span = { start: taken.start, end: taken.end };
        const highlights = useHighlightsStore.getState();
        if (!(await highlights.create(articleId, span, claimClass))) {
          const failure = useHighlightsStore.getState().save;
          throw new NotAccepted(
            failure.status === 'failed' ? failure.message : 'The sentence was not highlighted.',
          );
        }
        // The next suggestion is what matters now, not the new highlight's toolbar.
        useHighlightsStore.getState().select(null);
        // Kept, hidden while its highlight covers it: if Ctrl+Z takes the highlight away,
        // the suggestion is offered again.
        if (get().articleId === articleId) {
          set((s) => ({ items: [...s.items, taken].sort((a, b) => a.start - b.start) }));
        }
        try {
          await api().decide({ articleId, ...span, decision: 'accepted', acceptedAs: claimClass });
        } catch (error) {
          // The highlight is saved; only the count is missing, so the suggestion stays taken.
          if (get().articleId === articleId) set({ message: errorMessage(error) });
        }
      }),

    dismiss: () =>
      decide(async (taken, articleId) => {
        const { dismissed } = await api().decide({
          articleId,
          start: taken.start,
          end: taken.end,
          decision: 'dismissed',
        });
        if (get().articleId === articleId) set({ dismissed });
      }),

    restoreDismissed: async () => {
      const { articleId } = get();
      if (!articleId) return;
      try {
        await api().restoreDismissed({ articleId });
        await get().start(articleId);
      } catch (error) {
        set({ message: errorMessage(error) });
      }
    },
  };
});
