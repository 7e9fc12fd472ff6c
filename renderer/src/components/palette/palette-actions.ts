import type { ClaimClass } from '../../../../shared/domain/highlight';
import { openAbout, openProblemReport } from '../../stores/about-store';
import { useArticlesStore } from '../../stores/articles-store';
import { useBackupStore } from '../../stores/backup-store';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { subjectForView, useExportStore } from '../../stores/export-store';
import { useImportStore } from '../../stores/import-store';
import { useLibraryStore } from '../../stores/library-store';
import { useSamplesStore } from '../../stores/samples-store';
import { useSuggestionsStore } from '../../stores/suggestions-store';
import { useUiStore } from '../../stores/ui-store';
import { createMemo } from '../memos/create-memo';

export interface PaletteAction {
  id: string;
  label: string;
  /** Other words it is found by. */
  keywords: string;
  shortcut?: string;
  /** False when the action cannot run now (read-only library, no article open). */
  enabled(): boolean;
  run(): void;
}

const writable = () => useLibraryStore.getState().status?.readOnlyReason == null;
const ui = () => useUiStore.getState();

function showClaims(claimClass: ClaimClass) {
  useClaimsBoardStore.getState().replaceFilter({ classes: [claimClass] });
  ui().setView('claims');
}

/** Everything the palette can do besides finding things. */
export const paletteActions: readonly PaletteAction[] = [
  {
    id: 'import-files',
    label: 'Import file…',
    keywords: 'open pdf docx html markdown txt eml datei importieren',
    shortcut: 'mod+O',
    enabled: writable,
    run: () => {
      ui().openImport();
      void useImportStore.getState().chooseFiles();
    },
  },
  {
    id: 'import-url',
    label: 'Import from a web address…',
    keywords: 'url link web page fetch',
    shortcut: 'mod+shift+O',
    enabled: writable,
    run: () => ui().openImport({ focusUrl: true }),
  },
  {
    id: 'add-paste',
    label: 'Add article by paste…',
    keywords: 'new paste text clipboard',
    shortcut: 'mod+N',
    enabled: writable,
    run: () => ui().openAddArticle(),
  },
  {
    id: 'open-sample',
    label: 'Open the sample article',
    keywords: 'seed example demo microsoft openai',
    enabled: () => writable() && useSamplesStore.getState().samples.length > 0,
    run: () => {
      const sample = useSamplesStore.getState().samples[0];
      if (sample) void useArticlesStore.getState().importSample(sample.id);
      ui().setView('library');
    },
  },
  {
    id: 'view-library',
    label: 'Go to Library',
    keywords: 'articles reader view',
    shortcut: 'mod+1',
    enabled: () => true,
    run: () => ui().setView('library'),
  },
  {
    id: 'view-claims',
    label: 'Go to Claims board',
    keywords: 'claims board highlights filter view',
    shortcut: 'mod+2',
    enabled: () => true,
    run: () => ui().setView('claims'),
  },
  {
    id: 'view-memos',
    label: 'Go to Memos',
    keywords: 'memo investment report write',
    shortcut: 'mod+3',
    enabled: () => true,
    run: () => ui().setView('memos'),
  },
  {
    id: 'new-memo',
    label: 'New investment memo',
    keywords: 'memo create write report template',
    shortcut: 'mod+shift+N',
    enabled: writable,
    run: () => void createMemo(),
  },
  {
    id: 'view-settings',
    label: 'Go to Settings',
    keywords: 'preferences watchlist companies tickers recommendation scale',
    shortcut: 'mod+4',
    enabled: () => true,
    run: () => ui().setView('settings'),
  },
  {
    id: 'claims-thesis',
    label: 'Show all thesis claims',
    keywords: 'board filter thesis',
    enabled: () => true,
    run: () => showClaims('thesis'),
  },
  {
    id: 'claims-risk',
    label: 'Show all risk claims',
    keywords: 'board filter risk risiko risque',
    enabled: () => true,
    run: () => showClaims('risk'),
  },
  {
    id: 'claims-evidence',
    label: 'Show all evidence claims',
    keywords: 'board filter evidence facts figures',
    enabled: () => true,
    run: () => showClaims('evidence'),
  },
  {
    id: 'export',
    label: 'Export…',
    keywords: 'markdown report memo article claims save file json-ld web annotations obsidian',
    shortcut: 'mod+shift+E',
    enabled: () => subjectForView() !== null,
    run: () => void useExportStore.getState().openForView(),
  },
  {
    id: 'backup',
    label: 'Back up library…',
    keywords: 'backup save zip copy archive sicherung',
    enabled: () => true,
    run: () => void useBackupStore.getState().backUp(),
  },
  {
    id: 'backups',
    label: 'Backups',
    keywords:
      'backups snapshots rolling copies versions restore undo older earlier library check sicherung',
    enabled: () => true,
    run: () => ui().showSettings('backups'),
  },
  {
    id: 'restore',
    label: 'Restore library from backup…',
    keywords: 'restore backup zip import library',
    enabled: writable,
    run: () => void useBackupStore.getState().chooseRestore(),
  },
  {
    id: 'suggest-claims',
    label: 'Suggest claims in the open article',
    keywords: 'suggestions propose claims thesis risk evidence local offline vorschläge',
    shortcut: 'S',
    enabled: () => writable() && useArticlesStore.getState().open.status === 'ready',
    run: () => {
      const open = useArticlesStore.getState().open;
      if (open.status !== 'ready') return;
      ui().setView('library');
      ui().focusReader();
      void useSuggestionsStore.getState().start(open.article.id);
    },
  },
  {
    id: 'edit-details',
    label: 'Edit details of the open article…',
    keywords: 'metadata title source author date tickers',
    enabled: () => writable() && useArticlesStore.getState().open.status === 'ready',
    run: () => {
      ui().setView('library');
      ui().openArticleDetails();
    },
  },
  {
    id: 'about',
    label: 'About Margin',
    keywords: 'version help info licenses electron data folder log folder',
    enabled: () => true,
    run: openAbout,
  },
  {
    id: 'report-problem',
    label: 'Report a problem…',
    keywords: 'bug support help error log diagnostics feedback issue',
    enabled: () => true,
    run: openProblemReport,
  },
];
