import { Alert, Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { shortcutLabel } from '../lib/shortcut-label';
import { useArticlesStore } from '../stores/articles-store';
import { useLibraryStore } from '../stores/library-store';
import { useSamplesStore } from '../stores/samples-store';
import { useUiStore } from '../stores/ui-store';
import { AddArticleModal } from './AddArticleModal';
import { HighlightsPanel } from './HighlightsPanel';
import { LibraryList } from './LibraryList';
import { Reader } from './Reader';
import { useStoreNotices } from './use-store-notices';

/** The three-pane Library view: articles | reader | highlights. Pane sizes are remembered. */
export function WorkbenchShell() {
  const openAddArticle = useUiStore((s) => s.openAddArticle);
  const readOnlyReason = useLibraryStore((s) => s.status?.readOnlyReason ?? null);
  const layout = useDefaultLayout({ id: 'margin-library-panes', storage: localStorage });

  useEffect(() => {
    void useLibraryStore.getState().loadStatus();
    void useArticlesStore.getState().loadList();
    void useSamplesStore.getState().loadSamples();
  }, []);
  useStoreNotices();
  const canAdd = readOnlyReason === null;
  // The empty list: Ctrl+N works from inside text fields too (it is not a text key).
  useHotkeys([['mod+N', () => canAdd && openAddArticle()]], []);

  return (
    <div className="app">
      <header className="app-header">
        <span className="app-name">Margin</span>
        <Button size="xs" onClick={openAddArticle} disabled={!canAdd}>
          Add article
        </Button>
        <Kbd size="xs">{shortcutLabel('mod+N')}</Kbd>
      </header>
      {readOnlyReason && (
        <Alert className="read-only-banner" color="yellow" title="Read-only library">
          {readOnlyReason}
        </Alert>
      )}
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
      <AddArticleModal />
    </div>
  );
}
