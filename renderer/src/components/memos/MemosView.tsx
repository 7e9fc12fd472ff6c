import { Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { useBacklinksStore } from '../../stores/backlinks-store';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { useMemosStore } from '../../stores/memos-store';
import { useRecommendationScaleStore } from '../../stores/recommendation-scale-store';
import { MemoClaimsPanel } from './MemoClaimsPanel';
import { MemoList } from './MemoList';
import { MemoWorkspace } from './MemoWorkspace';
import { createMemo } from './create-memo';
import { saveManualRevision } from './save-revision';

/** Memos: the list (left), the open memo (centre), the claims to cite (right). */
export function MemosView() {
  const openId = useMemosStore((s) => s.openId);
  const ticker = useMemoSessionStore((s) => (s.memo?.id === openId ? s.memo.header.ticker : null));
  const [editor, setEditor] = useState<Editor | null>(null);
  const layout = useDefaultLayout({ id: 'margin-memo-panes', storage: localStorage });

  useEffect(() => {
    void useMemosStore.getState().loadList();
    void useRecommendationScaleStore.getState().load();
    // "Cited in" shows in the reader and on the board, never beside a memo: the citations
    // written here are asked for again once the analyst leaves, not after every autosave.
    return () => useBacklinksStore.getState().invalidate();
  }, []);
  // Ctrl+S from the header fields too (the editor handles its own).
  useHotkeys([['mod+S', saveManualRevision]], []);

  return (
    <Group
      orientation="horizontal"
      className="panes"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
    >
      <Panel id="memo-list" defaultSize="20%" minSize="12%">
        <MemoList onNew={() => void createMemo()} />
      </Panel>
      <Separator className="pane-separator" />
      <Panel id="memo" defaultSize="56%" minSize="30%">
        {openId ? (
          <MemoWorkspace memoId={openId} editor={editor} onEditor={setEditor} />
        ) : (
          <div className="empty-state">
            <Text size="sm">Open a memo from the list, or start a new one with Ctrl+Shift+N.</Text>
          </div>
        )}
      </Panel>
      <Separator className="pane-separator" />
      <Panel id="memo-claims" defaultSize="24%" minSize="14%">
        <MemoClaimsPanel ticker={ticker} editor={editor} />
      </Panel>
    </Group>
  );
}
