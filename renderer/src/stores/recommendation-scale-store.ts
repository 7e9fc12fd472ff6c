import { create } from 'zustand';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../shared/memo/logged-fields';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

interface RecommendationScaleState {
  scale: string[];
  error: string | null;
  load(): Promise<void>;
  /** Throws WorkbenchCallError with the analyst's message. */
  save(scale: string[]): Promise<void>;
}

/** The analyst's rating scale (settings), offered by every memo's recommendation field. */
export const useRecommendationScaleStore = create<RecommendationScaleState>()((set) => ({
  // Until the analyst's own is loaded.
  scale: [...DEFAULT_RECOMMENDATION_SCALE],
  error: null,
  async load() {
    try {
      set({ scale: await requireWorkbench().settings.recommendationScale(), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  async save(scale) {
    set({ scale: await requireWorkbench().settings.saveRecommendationScale(scale) });
  },
}));
