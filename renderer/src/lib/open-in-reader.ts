import { useArticlesStore } from '../stores/articles-store';
import { useHighlightsStore } from '../stores/highlights-store';
import { useUiStore } from '../stores/ui-store';

/** Resolves once the highlights of `articleId` are in the store (or failed to load). */
function highlightsLoaded(articleId: string): Promise<void> {
  const loaded = () => {
    const s = useHighlightsStore.getState();
    return s.articleId === articleId && (s.status === 'ready' || s.status === 'error');
  };
  if (loaded()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useHighlightsStore.subscribe(() => {
      if (!loaded()) return;
      stop();
      resolve();
    });
  });
}

async function openArticle(articleId: string): Promise<boolean> {
  useUiStore.getState().setView('library');
  const articles = useArticlesStore.getState();
  if (articles.selectedId !== articleId || articles.open.status === 'error') {
    await articles.select(articleId);
  }
  return useArticlesStore.getState().selectedId === articleId;
}

/** Opens the claim's article in the reader with the claim selected and scrolled into view. */
export async function openClaimInReader(articleId: string, claimId: string): Promise<void> {
  if (!(await openArticle(articleId))) return;
  await highlightsLoaded(articleId);
  const highlights = useHighlightsStore.getState();
  if (highlights.filter !== 'all') highlights.setFilter('all');
  highlights.select(claimId, { reveal: true });
  useUiStore.getState().focusReader();
}

/** Opens an article with the words `[start, end)` selected and scrolled into view. */
export async function openTextInReader(
  articleId: string,
  start: number,
  end: number,
): Promise<void> {
  if (!(await openArticle(articleId))) return;
  useUiStore.getState().revealText(articleId, start, end);
  useUiStore.getState().focusReader();
}
