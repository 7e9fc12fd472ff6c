import { Alert, Button, Group, Kbd, Loader, SegmentedControl, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { MemoStatus } from '../../../../shared/domain/memo';
import { classLabel } from '../../lib/claim-classes';
import { shortcutLabel } from '../../lib/shortcut-label';
import { errorMessage } from '../../lib/workbench-client';
import { useCitationStatesStore } from '../../stores/citation-states-store';
import { useExportStore } from '../../stores/export-store';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { useMemosStore } from '../../stores/memos-store';
import { AssembleModal } from './AssembleModal';
import { citationsOf, citedIdsOf } from './cited-claims';
import { ConvictionLog } from './ConvictionLog';
import { MemoEditor } from './MemoEditor';
import { MemoHeaderForm } from './MemoHeaderForm';
import { MemoSaveIndicator } from './MemoSaveIndicator';
import { MemoSources } from './MemoSources';
import { RevisionsDrawer } from './RevisionsDrawer';
import { saveManualRevision } from './save-revision';

const shortQuote = (quote: string) => (quote.length > 70 ? `${quote.slice(0, 69)}…` : quote);

/** The open memo: its actions, structured header, conviction log, text and sources. */
export function MemoWorkspace({
  memoId,
  onEditor,
  editor,
}: {
  memoId: string;
  onEditor: (editor: Editor | null) => void;
  editor: Editor | null;
}) {
  const memo = useMemoSessionStore((s) => s.memo);
  const loading = useMemoSessionStore((s) => s.loading);
  const loadError = useMemoSessionStore((s) => s.error);
  const bodyNonce = useMemoSessionStore((s) => s.bodyNonce);
  const session = useMemoSessionStore.getState;
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [assembleOpen, setAssembleOpen] = useState(false);

  useEffect(() => {
    void session()
      .load(memoId)
      .then((opened) => {
        const open = session().memo;
        if (opened || !open) return;
        // The open memo's changes could not be saved: it stays open rather than lose them.
        useMemosStore.getState().open(open.id);
        const save = session().save;
        notifications.show({
          color: 'red',
          message: `“${open.title}” has changes that could not be saved${save.status === 'failed' ? ` (${save.message})` : ''}. It stays open until they are saved.`,
        });
      });
  }, [memoId, session]);

  // Citations show what their claims are now (edited, orphaned, deleted).
  useEffect(() => {
    if (editor) void useCitationStatesStore.getState().refresh(citedIdsOf(editor));
  }, [editor]);

  if (loading === 'error') {
    return (
      <Alert color="red" m="md" title="The memo could not be opened">
        {loadError}
      </Alert>
    );
  }
  if (!memo || memo.id !== memoId) return <Loader size="sm" m="md" aria-label="Opening the memo" />;

  const citedClaims = () => {
    const seen = new Set<string>();
    return (editor ? citationsOf(editor) : [])
      .filter((c) => !seen.has(c.highlightId) && seen.add(c.highlightId))
      .map((c) => ({
        value: c.highlightId,
        label: `${classLabel(c.claimClass)}: ${shortQuote(c.quote)}`,
      }));
  };
  const claimLabel = (id: string) =>
    citedClaims().find((c) => c.value === id)?.label ?? 'a claim no longer cited';

  return (
    <section className="memo-workspace" aria-label={`Memo: ${memo.title}`}>
      <div className="memo-actions">
        <SegmentedControl
          size="xs"
          aria-label="Memo status"
          data={[
            { value: 'draft', label: 'Draft' },
            { value: 'final', label: 'Final' },
          ]}
          value={memo.status}
          onChange={(value) =>
            void session()
              .setStatus(value as MemoStatus)
              .catch((error) => notifications.show({ color: 'red', message: errorMessage(error) }))
          }
        />
        <Button size="compact-xs" variant="light" onClick={() => setAssembleOpen(true)}>
          Assemble from claims…
        </Button>
        <Tooltip label={`Save a revision (${shortcutLabel('mod+S')})`}>
          <Button size="compact-xs" variant="default" onClick={saveManualRevision}>
            Save revision
          </Button>
        </Tooltip>
        <Kbd size="xs">{shortcutLabel('mod+S')}</Kbd>
        <Button size="compact-xs" variant="default" onClick={() => setRevisionsOpen(true)}>
          Revisions…
        </Button>
        <Tooltip label={`Export as a Markdown report (${shortcutLabel('mod+shift+E')})`}>
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => useExportStore.getState().open({ kind: 'memo', memoId: memo.id })}
          >
            Export…
          </Button>
        </Tooltip>
        <Group ml="auto">
          <MemoSaveIndicator />
        </Group>
      </div>
      <div className="memo-scroll">
        <div className="memo-page">
          <MemoHeaderForm key={memo.id} memo={memo} citedClaims={citedClaims} />
          <ConvictionLog entries={memo.convictionLog} claimLabel={claimLabel} />
          <MemoEditor
            key={`${memo.id}:${bodyNonce}`}
            memo={memo}
            bodyNonce={bodyNonce}
            onEditor={onEditor}
          />
          <MemoSources doc={memo.doc} />
        </div>
      </div>
      <RevisionsDrawer
        memoId={memo.id}
        editor={editor}
        opened={revisionsOpen}
        onClose={() => setRevisionsOpen(false)}
      />
      <AssembleModal
        opened={assembleOpen}
        onClose={() => setAssembleOpen(false)}
        editor={editor}
        ticker={memo.header.ticker}
      />
    </section>
  );
}
