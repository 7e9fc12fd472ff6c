import { create } from 'zustand';
import type { SampleInfo } from '../../../shared/domain/sample';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

interface SamplesState {
  samples: SampleInfo[];
  error: string | null;
  loadSamples(): Promise<void>;
}

/** The sample articles that ship with Margin, offered on an empty library. */
export const useSamplesStore = create<SamplesState>()((set) => ({
  samples: [],
  error: null,
  async loadSamples() {
    try {
      set({ samples: await requireWorkbench().samples.list(), error: null });
    } catch (error) {
      set({ samples: [], error: errorMessage(error) });
    }
  },
}));
