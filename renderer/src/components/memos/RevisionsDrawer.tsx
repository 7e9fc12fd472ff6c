import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Editor } from '@tiptap/react';
import { useEffect, useMemo, useState } from 'react';
import type { MemoDoc } from '../../../../shared/domain/memo-doc';
import type {
  MemoRevision,
  MemoRevisionSummary,
  RevisionReason,
} from '../../../../shared/domain/memo';
import { memoPlainText } from '../../../../shared/memo/memo-plain-text';
import { collapseUnchanged, diffRevisionText } from '../../../../shared/memo/revision-diff';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { useMemoSessionStore } from '../../stores/memo-session-store';

const REASON_LABEL: Record<RevisionReason, string> = {
  manual: 'Saved',
  close: 'On close',
  hourly: 'Hourly',
  'before-restore': 'Before a restore',
};

const when = (at: string) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What changed from the revision to the current text, unchanged stretches shortened. */
function RevisionDiffView({ revision, current }: { revision: MemoRevision; current: MemoDoc }) {
  const diff = useMemo(
    () => diffRevisionText(memoPlainText(revision.doc), memoPlainText(current)),
    [revision, current],
  );
  const segments = useMemo(() => collapseUnchanged(diff.segments, 160), [diff]);
  return (
    <div className="revision-diff" data-testid="revision-diff">
      <Text size="xs" c="dimmed" mb={4}>
        From this revision to the current text:{' '}
        <span className="diff-added-count">+{diff.added}</span>{' '}
        <span className="diff-removed-count">−{diff.removed}</span> words
      </Text>
      <div className="revision-diff-text">
        {segments.map((s, i) =>
          s.kind === 'gap' ? (
            <span key={i} className="diff-gap" title={`${s.hidden} unchanged characters`}>
              {' … '}
            </span>
          ) : s.kind === 'added' ? (
            <ins key={i}>{s.text}</ins>
          ) : s.kind === 'removed' ? (
            <del key={i}>{s.text}</del>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </div>
    </div>
  );
}

/**
 * The memo's revisions, newest first: pick one to see what changed since, and restore it.
 * A restore first saves the current text as a revision and can be undone with Ctrl+Z.
 */
export function RevisionsDrawer({
  memoId,
  editor,
  opened,
  onClose,
}: {
  memoId: string;
  editor: Editor | null;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title="Revisions"
      lockScroll={false}
    >
      <RevisionsBrowser memoId={memoId} editor={editor} onClose={onClose} />
    </Drawer>
  );
}

/** The drawer's content: mounted while it is open, so each opening starts afresh. */
function RevisionsBrowser({
  memoId,
  editor,
  onClose,
}: {
  memoId: string;
  editor: Editor | null;
  onClose: () => void;
}) {
  const nonce = useMemoSessionStore((s) => s.revisionsNonce);
  const [list, setList] = useState<MemoRevisionSummary[] | null>(null);
  const [chosen, setChosen] = useState<MemoRevision | null>(null);
  const [current, setCurrent] = useState<MemoDoc | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    requireWorkbench()
      .memos.revisions({ id: memoId })
      .then((revisions) => live && (setList(revisions), setError(null)))
      .catch((failure) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [memoId, nonce]);

  const choose = async (summary: MemoRevisionSummary) => {
    try {
      const revision = await requireWorkbench().memos.revision({
        id: memoId,
        revisionId: summary.id,
      });
      setCurrent(editor ? (editor.state.doc.toJSON() as MemoDoc) : null);
      setChosen(revision);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const restore = async (revision: MemoRevision) => {
    if (!editor) return;
    try {
      await useMemoSessionStore.getState().snapshot('before-restore');
      // One transaction in the editor's history: Ctrl+Z brings the text back.
      editor.chain().focus().setContent(revision.doc, { emitUpdate: true }).run();
      onClose();
      notifications.show({
        message: (
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <span>
              Restored the revision of {when(revision.at)}. The text before it was kept as a
              revision.
            </span>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => editor.chain().focus().undo().run()}
            >
              Undo
            </Button>
          </Group>
        ),
      });
    } catch (failure) {
      setError(`The revision was not restored: ${errorMessage(failure)}`);
    }
  };

  return (
    <>
      {error && (
        <Alert color="red" mb="sm">
          {error}
        </Alert>
      )}
      {!list && !error && <Loader size="sm" aria-label="Loading revisions" />}
      {list?.length === 0 && (
        <Text size="sm" c="dimmed">
          No revisions yet. Press Ctrl+S in the memo to save one; Margin also keeps one when you
          close it and every hour while you write.
        </Text>
      )}
      <div className="revisions-layout">
        <ScrollArea className="revisions-list" type="auto">
          <Stack gap={2} role="listbox" aria-label="Revisions">
            {list?.map((r) => (
              <UnstyledButton
                key={r.id}
                role="option"
                aria-selected={chosen?.id === r.id}
                className="revision-item"
                onClick={() => void choose(r)}
              >
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{when(r.at)}</Text>
                  <Badge size="xs" variant="light" tt="none" className="no-shrink">
                    {REASON_LABEL[r.reason]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {r.label || r.title} · {r.words} words
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea>
        <div className="revision-detail">
          {chosen && current && (
            <>
              <Group justify="space-between" mb="xs">
                <Text fw={600}>
                  {REASON_LABEL[chosen.reason]} · {when(chosen.at)}
                </Text>
                <Button size="xs" onClick={() => void restore(chosen)} disabled={!editor}>
                  Restore this revision
                </Button>
              </Group>
              <RevisionDiffView revision={chosen} current={current} />
            </>
          )}
          {!chosen && list && list.length > 0 && (
            <Text size="sm" c="dimmed">
              Choose a revision to see what changed since.
            </Text>
          )}
        </div>
      </div>
    </>
  );
}
