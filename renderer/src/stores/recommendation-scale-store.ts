import { create } from 'zustand';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

/** Margin's scale until the analyst's own is loaded (the same as main's default). */
const FALLBACK = ['Buy', 'Overweight', 'Hold', 'Underweight', 'Sell'];

interface RecommendationScaleState {
  scale: string[];
  error: string | null;
  load(): Promise<void>;
  /** Throws WorkbenchCallError with the analyst's message. */
  save(scale: string[]): Promise<void>;
}

/** The analyst's rating scale (settings), offered by every memo's recommendation field. */
export const useRecommendationScaleStore = create<RecommendationScaleState>()((set) => ({
  scale: FALLBACK,
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
