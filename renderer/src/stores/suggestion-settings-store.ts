import { create } from 'zustand';
import type {
  LexiconEdits,
  SuggestionLanguage,
  SuggestionSettings,
} from '../../../shared/domain/suggestion';
import { requireWorkbench } from '../lib/require-workbench';
import { errorMessage } from '../lib/workbench-client';

/** The cue editor's save indicator (the shape SaveStateText shows). */
export type LexiconSaveState =
  { status: 'saving' | 'saved' } | { status: 'failed'; message: string };

interface SuggestionSettingsState {
  /** The built-in cues, the analyst's edits (as on screen) and the per-cue counts. */
  settings: SuggestionSettings | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Why loading failed. */
  error: string | null;
  save: LexiconSaveState;
  load(): Promise<void>;
  /**
   * Shows `edits` at once and saves them; saves run one after another. When a save fails,
   * the edits main holds come back on screen and `save` says why (this never throws).
   */
  saveLexicon(language: SuggestionLanguage, edits: LexiconEdits): Promise<void>;
  /** Forgets every per-cue count. Throws WorkbenchCallError with the analyst's message. */
  resetCueStats(): Promise<void>;
}

const withEdits = (
  settings: SuggestionSettings,
  language: SuggestionLanguage,
  edits: LexiconEdits,
): SuggestionSettings => ({
  ...settings,
  lexicons: settings.lexicons.map((l) => (l.language === language ? { ...l, edits } : l)),
});

/** The lexicons as main last confirmed them, to fall back to when a save fails. */
let confirmed: SuggestionSettings | null = null;
let saves: Promise<void> = Promise.resolve();
let latestSave = 0;

/** Settings → Claim suggestions: the cue lexicons the analyst edits, and how each cue fares. */
export const useSuggestionSettingsStore = create<SuggestionSettingsState>()((set, get) => ({
  settings: null,
  status: 'idle',
  error: null,
  save: { status: 'saved' },
  async load() {
    set((s) => ({ status: s.settings ? s.status : 'loading', error: null }));
    try {
      const settings = await requireWorkbench().suggestions.settings();
      confirmed = settings;
      // A save under way keeps what it shows; it brings main's answer when it ends.
      if (get().save.status !== 'saving') set({ settings });
      else set((s) => ({ settings: s.settings && { ...s.settings, cueStats: settings.cueStats } }));
      set({ status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  saveLexicon(language, edits) {
    const shown = get().settings;
    if (!shown) return Promise.resolve();
    const ticket = ++latestSave;
    set({ settings: withEdits(shown, language, edits), save: { status: 'saving' } });
    saves = saves.then(async () => {
      try {
        const settings = await requireWorkbench().suggestions.saveLexicon({ language, edits });
        confirmed = settings;
        if (ticket === latestSave) set({ settings, save: { status: 'saved' } });
      } catch (error) {
        if (ticket !== latestSave) return; // a later save carries this change too
        set((s) => ({
          settings: confirmed && s.settings && { ...confirmed, cueStats: s.settings.cueStats },
          save: { status: 'failed', message: errorMessage(error) },
        }));
      }
    });
    return saves;
  },
  async resetCueStats() {
    const { cueStats } = await requireWorkbench().suggestions.resetCueStats();
    if (confirmed) confirmed = { ...confirmed, cueStats };
    set((s) => ({ settings: s.settings && { ...s.settings, cueStats } }));
  },
}));
