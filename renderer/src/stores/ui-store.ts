import { create } from 'zustand';

interface UiState {
  addArticleOpen: boolean;
  openAddArticle(): void;
  closeAddArticle(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  addArticleOpen: false,
  openAddArticle: () => set({ addArticleOpen: true }),
  closeAddArticle: () => set({ addArticleOpen: false }),
}));
