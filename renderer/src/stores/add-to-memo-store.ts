import { create } from 'zustand';
import type { ClaimClass } from '../../../shared/domain/highlight';

export interface ClaimToAdd {
  highlightId: string;
  articleId: string;
  claimClass: ClaimClass;
  quote: string;
  /** The article's tickers: a memo on one of them is offered first. */
  tickers: readonly string[];
}

interface AddToMemoState {
  claim: ClaimToAdd | null;
  open(claim: ClaimToAdd): void;
  close(): void;
}

/** "Add to memo…" (M) on a claim in the reader or the board: which claim the dialog adds. */
export const useAddToMemoStore = create<AddToMemoState>()((set) => ({
  claim: null,
  open: (claim) => set({ claim }),
  close: () => set({ claim: null }),
}));
