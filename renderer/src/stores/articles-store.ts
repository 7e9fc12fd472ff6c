import { create } from 'zustand';
import type {
  Article,
  ArticleAdded,
  ArticleMetadataUpdate,
  ArticleSummary,
  NewArticleInput,
} from '../../../shared/domain/article';
import { paintMarks } from '../lib/paint-marks';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';
import { useHighlightsStore } from './highlights-store';

export type OpenArticle =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; article: Article }
  | { status: 'error'; id: string; message: string };

interface ArticlesState {
  /** The library, newest import first. */
  summaries: ArticleSummary[];
  listStatus: 'loading' | 'ready' | 'error';
  listError: string | null;
  selectedId: string | null;
  open: OpenArticle;
  loadList(): Promise<void>;
  /** Selects an article and loads its text into the reader. */
  select(id: string): Promise<void>;
  /** Adds a pasted article and opens it; throws WorkbenchCallError with the analyst's message. */
  add(input: NewArticleInput): Promise<ArticleAdded>;
  importSample(sampleId: string): Promise<ArticleAdded>;
  /** Puts a newly imported article at the top of the list (the import store calls this). */
  addSummary(summary: ArticleSummary): void;
  /** Saves the analyst's corrections to an article's details. */
  updateMetadata(update: ArticleMetadataUpdate): Promise<ArticleSummary>;
}

export const useArticlesStore = create<ArticlesState>()((set, get) => {
  async function opened(added: ArticleAdded): Promise<ArticleAdded> {
    if (added.created) set((s) => ({ summaries: [added.article, ...s.summaries] }));
    await get().select(added.article.id);
    return added;
  }

  return {
    summaries: [],
    listStatus: 'loading',
    listError: null,
    selectedId: null,
    open: { status: 'none' },

    async loadList() {
      set({ listStatus: 'loading', listError: null });
      try {
        const summaries = await requireWorkbench().articles.list();
        set((s) => {
          // The open article takes the details found since (tickers, companies) as well.
          const open = s.open;
          const fresh =
            open.status === 'ready' ? summaries.find((a) => a.id === open.article.id) : undefined;
          return {
            summaries,
            listStatus: 'ready',
            open:
              fresh && open.status === 'ready'
                ? { status: 'ready', article: { ...open.article, ...fresh } }
                : open,
          };
        });
      } catch (error) {
        set({ listStatus: 'error', listError: errorMessage(error) });
      }
    },

    async select(id) {
      // Typing in an open highlight editor is not thrown away: the editor takes the focus.
      if (!useHighlightsStore.getState().edit(null)) return;
      performance.clearMarks();
      performance.clearMeasures();
      performance.mark(paintMarks.select);
      set({ selectedId: id, open: { status: 'loading', id } });
      // The highlights load beside the text, so both arrive together.
      void useHighlightsStore.getState().load(id);
      try {
        const article = await requireWorkbench().articles.get({ id });
        if (get().selectedId === id) set({ open: { status: 'ready', article } });
      } catch (error) {
        if (get().selectedId === id) {
          set({ open: { status: 'error', id, message: errorMessage(error) } });
        }
      }
    },

    async add(input) {
      return opened(await requireWorkbench().articles.create(input));
    },

    async importSample(sampleId) {
      return opened(await requireWorkbench().samples.import({ sampleId }));
    },

    addSummary(summary) {
      set((s) =>
        s.summaries.some((a) => a.id === summary.id) ? s : { summaries: [summary, ...s.summaries] },
      );
    },

    async updateMetadata(update) {
      const summary = await requireWorkbench().articles.updateMetadata(update);
      set((s) => ({
        summaries: s.summaries.map((a) => (a.id === summary.id ? summary : a)),
        open:
          s.open.status === 'ready' && s.open.article.id === summary.id
            ? { status: 'ready', article: { ...s.open.article, ...summary } }
            : s.open,
      }));
      return summary;
    },
  };
});
