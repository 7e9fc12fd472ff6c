import { create } from 'zustand';

/** The main views of the left rail. */
export type MainView = 'library' | 'claims' | 'memos' | 'settings';

/** Words of the open article to scroll to and select (a search hit). */
export interface TextReveal {
  articleId: string;
  start: number;
  end: number;
  nonce: number;
}

/** A part of Settings the palette can go straight to. */
export type SettingsSection = 'backups';

interface UiState {
  view: MainView;
  setView(view: MainView): void;
  /** Settings scrolls to this section and moves the focus to its heading (nonce: each time). */
  settingsSection: { section: SettingsSection; nonce: number } | null;
  showSettings(section: SettingsSection): void;
  textReveal: TextReveal | null;
  revealText(articleId: string, start: number, end: number): void;
  addArticleOpen: boolean;
  /** The import window: a batch's progress, and the web-address field. */
  importOpen: boolean;
  /** Bumped to move the focus to the web-address field (Ctrl+Shift+O). */
  urlFocusRequest: number;
  articleDetailsOpen: boolean;
  /** Bumped to move the focus into the reader (Enter in the library). */
  readerFocusRequest: number;
  focusReader(): void;
  /** Bumped to move the focus back to the library list (Esc in the reader). */
  libraryFocusRequest: number;
  focusLibrary(): void;
  openAddArticle(): void;
  closeAddArticle(): void;
  openImport(options?: { focusUrl?: boolean }): void;
  closeImport(): void;
  openArticleDetails(): void;
  closeArticleDetails(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  view: 'library',
  setView: (view) => set({ view }),
  settingsSection: null,
  showSettings: (section) =>
    set((s) => ({
      view: 'settings',
      settingsSection: { section, nonce: (s.settingsSection?.nonce ?? 0) + 1 },
    })),
  textReveal: null,
  revealText: (articleId, start, end) =>
    set((s) => ({ textReveal: { articleId, start, end, nonce: (s.textReveal?.nonce ?? 0) + 1 } })),
  addArticleOpen: false,
  importOpen: false,
  urlFocusRequest: 0,
  articleDetailsOpen: false,
  readerFocusRequest: 0,
  focusReader: () => set((s) => ({ readerFocusRequest: s.readerFocusRequest + 1 })),
  libraryFocusRequest: 0,
  focusLibrary: () => set((s) => ({ libraryFocusRequest: s.libraryFocusRequest + 1 })),
  openAddArticle: () => set({ addArticleOpen: true }),
  closeAddArticle: () => set({ addArticleOpen: false }),
  openImport: (options) =>
    set((s) => ({
      importOpen: true,
      addArticleOpen: false,
      urlFocusRequest: options?.focusUrl ? s.urlFocusRequest + 1 : s.urlFocusRequest,
    })),
  closeImport: () => set({ importOpen: false }),
  openArticleDetails: () => set({ articleDetailsOpen: true }),
  closeArticleDetails: () => set({ articleDetailsOpen: false }),
}));
