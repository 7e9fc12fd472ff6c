import { create } from 'zustand';
import type { AboutInfo, AppFolder } from '../../../shared/domain/app-info';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

interface AboutState {
  /** Which window is open: About Margin, Report a problem, or neither. */
  open: 'about' | 'report' | null;
  /** Read once: versions, folders and licenses do not change while Margin runs. */
  about: AboutInfo | null;
  aboutError: string | null;
  /** Written afresh each time the window opens (the log moves on). */
  report: string | null;
  reportError: string | null;
  /** The folder being shown in the file manager. */
  openingFolder: AppFolder | null;
  /** Why the last folder could not be shown; cleared when a window opens. */
  folderError: string | null;
  openAbout(): Promise<void>;
  openProblemReport(): Promise<void>;
  close(): void;
  openFolder(folder: AppFolder): Promise<void>;
}

/** Counts the reports asked for: only the latest one is shown. */
let reportRequests = 0;

/** About Margin (versions, folders, licenses) and Report a problem (text to copy; nothing is sent). */
export const useAboutStore = create<AboutState>()((set, get) => ({
  open: null,
  about: null,
  aboutError: null,
  report: null,
  reportError: null,
  openingFolder: null,
  folderError: null,

  async openAbout() {
    set({ open: 'about', folderError: null, aboutError: null });
    if (get().about) return;
    try {
      set({ about: await requireWorkbench().app.about() });
    } catch (error) {
      set({ aboutError: errorMessage(error) });
    }
  },

  async openProblemReport() {
    const request = ++reportRequests;
    set({ open: 'report', folderError: null, report: null, reportError: null });
    try {
      const { text } = await requireWorkbench().app.problemReport();
      if (request === reportRequests) set({ report: text });
    } catch (error) {
      if (request === reportRequests) set({ reportError: errorMessage(error) });
    }
  },

  close: () => set({ open: null }),

  async openFolder(folder) {
    if (get().openingFolder) return;
    set({ openingFolder: folder, folderError: null });
    try {
      await requireWorkbench().app.openFolder({ folder });
    } catch (error) {
      set({ folderError: errorMessage(error) });
    } finally {
      set({ openingFolder: null });
    }
  },
}));

/** Opens About Margin (the palette, Settings, and the Help menu call this). */
export function openAbout(): void {
  void useAboutStore.getState().openAbout();
}

/** Opens Report a problem with a freshly written report (the palette, Settings, the Help menu). */
export function openProblemReport(): void {
  void useAboutStore.getState().openProblemReport();
}
