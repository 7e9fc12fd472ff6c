import { Alert, Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { shortcutLabel } from '../lib/shortcut-label';
import { useArticlesStore } from '../stores/articles-store';
import { useImportStore } from '../stores/import-store';
import { useIndexStatusStore } from '../stores/index-status-store';
import { useLibraryStore } from '../stores/library-store';
import { useSamplesStore } from '../stores/samples-store';
import { useUiStore } from '../stores/ui-store';
import { AddArticleModal } from './AddArticleModal';
import { AppRail } from './AppRail';
import { ArticleDetailsModal } from './ArticleDetailsModal';
import { AboutModal } from './about/AboutModal';
import { ProblemReportModal } from './about/ProblemReportModal';
import { ClaimsBoardView } from './board/ClaimsBoardView';
import { CommandPalette, openPalette } from './palette/CommandPalette';
import { LinkClaimModal } from './relations/LinkClaimModal';
import { SettingsView } from './settings/SettingsView';
import { AddToMemoModal } from './memos/AddToMemoModal';
import { ExportDialog } from './export/ExportDialog';
import { RestoreDialog } from './backup/RestoreDialog';
import { useExportStore } from '../stores/export-store';
import { announceRestore } from '../stores/backup-store';
import { WriteFailureBanner } from './durability/WriteFailureBanner';
import { createMemo } from './memos/create-memo';
import { MemosView } from './memos/MemosView';
import { ConfirmDeleteClaim } from './highlights/ConfirmDeleteClaim';
import { HighlightsPanel } from './HighlightsPanel';
import { ImportPanel } from './ImportPanel';
import { useAppEvents } from './use-app-events';
import { LibraryList } from './LibraryList';
import { Reader } from './Reader';
import { useFileDrop } from './use-file-drop';
import { useStoreNotices } from './use-store-notices';

/**
 * The app's frame: the header, the rail of main views, and the view. The Library view
 * (articles | reader | highlights, pane sizes remembered) stays mounted when another view
 * is shown, so the reader keeps its place.
 */
export function WorkbenchShell() {
  const view = useUiStore((s) => s.view);
  const openAddArticle = useUiStore((s) => s.openAddArticle);
  const readOnlyReason = useLibraryStore((s) => s.status?.readOnlyReason ?? null);
  const layout = useDefaultLayout({ id: 'margin-library-panes', storage: localStorage });

  // The library's status stays current (a write failing, notices during the session).
  useEffect(() => useLibraryStore.getState().watch(), []);
  useEffect(() => {
    void useArticlesStore.getState().loadList();
    void useSamplesStore.getState().loadSamples();
    useIndexStatusStore.getState().watch();
    announceRestore();
  }, []);
  // A finished index build may have found companies (tickers) in older articles.
  const builds = useIndexStatusStore((s) => s.builds);
  useEffect(() => {
    if (builds > 0) void useArticlesStore.getState().loadList();
  }, [builds]);
  useStoreNotices();
  useAppEvents();
  const canAdd = readOnlyReason === null;
  const openImport = useUiStore((s) => s.openImport);
  const chooseFiles = useCallback(() => {
    if (!canAdd) return;
    openImport();
    void useImportStore.getState().chooseFiles();
  }, [canAdd, openImport]);
  const onDroppedFiles = useCallback(
    (files: File[]) => {
      openImport();
      useImportStore.getState().addDroppedFiles(files);
    },
    [openImport],
  );
  const dragging = useFileDrop(onDroppedFiles, canAdd);
  // These work from inside input fields too (they are not text keys), not in the memo editor.
  useHotkeys(
    [
      ['mod+N', () => canAdd && openAddArticle()],
      ['mod+O', chooseFiles],
      ['mod+shift+O', () => canAdd && openImport({ focusUrl: true })],
      ['mod+1', () => useUiStore.getState().setView('library')],
      ['mod+2', () => useUiStore.getState().setView('claims')],
      ['mod+3', () => useUiStore.getState().setView('memos')],
      ['mod+4', () => useUiStore.getState().setView('settings')],
      ['mod+shift+N', () => canAdd && void createMemo()],
    ],
    [],
  );
  // Export works from the memo editor too (a contenteditable the hotkeys above skip).
  useHotkeys([['mod+shift+E', () => void useExportStore.getState().openForView()]], [], true);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Margin</span>
        <Button
          size="xs"
          variant="default"
          onClick={openPalette}
          aria-label="Search everything and run actions"
        >
          Search…
        </Button>
        <Kbd size="xs">{shortcutLabel('mod+K')}</Kbd>
        <Button size="xs" onClick={openAddArticle} disabled={!canAdd}>
          Add article
        </Button>
        <Kbd size="xs">{shortcutLabel('mod+N')}</Kbd>
        <Button size="xs" variant="default" onClick={chooseFiles} disabled={!canAdd}>
          Import files
        </Button>
        <Kbd size="xs">{shortcutLabel('mod+O')}</Kbd>
        <Button
          size="xs"
          variant="default"
          onClick={() => openImport({ focusUrl: true })}
          disabled={!canAdd}
        >
          Import URL
        </Button>
        <Kbd size="xs">{shortcutLabel('mod+shift+O')}</Kbd>
      </header>
      {readOnlyReason && (
        <Alert className="read-only-banner" color="yellow" title="Read-only library">
          {readOnlyReason}
        </Alert>
      )}
      <WriteFailureBanner />
      <div className="app-body">
        <AppRail />
        <div className="app-view" hidden={view !== 'library'}>
          <Group
            orientation="horizontal"
            className="panes"
            defaultLayout={layout.defaultLayout}
            onLayoutChanged={layout.onLayoutChanged}
          >
            <Panel id="library" defaultSize="22%" minSize="14%">
              <LibraryList />
            </Panel>
            <Separator className="pane-separator" />
            <Panel id="reader" defaultSize="56%" minSize="30%">
              <Reader />
            </Panel>
            <Separator className="pane-separator" />
            <Panel id="highlights" defaultSize="22%" minSize="14%">
              <HighlightsPanel />
            </Panel>
          </Group>
        </div>
        {view === 'claims' && (
          <div className="app-view">
            <ClaimsBoardView />
          </div>
        )}
        {view === 'memos' && (
          <div className="app-view">
            <MemosView />
          </div>
        )}
        {view === 'settings' && (
          <div className="app-view">
            <SettingsView />
          </div>
        )}
      </div>
      <CommandPalette />
      <LinkClaimModal />
      <ConfirmDeleteClaim />
      <AddToMemoModal />
      <ExportDialog />
      <RestoreDialog />
      <AddArticleModal />
      <ImportPanel />
      <ArticleDetailsModal />
      <AboutModal />
      <ProblemReportModal />
      {dragging && (
        <div className="drop-overlay" aria-hidden>
          Drop files to import them
        </div>
      )}
    </div>
  );
}
