import { Group, Text } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import type { Memo } from '../../../../shared/domain/memo';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { useLibraryStore } from '../../stores/library-store';
import { useMemosStore } from '../../stores/memos-store';
import { memoEditorExtensions } from './memo-editor-extensions';
import { saveManualRevision } from './save-revision';

function WordCount({ memoId }: { memoId: string }) {
  // Counted at each autosave, not on every keystroke: typing stays fast in a long memo.
  const words = useMemosStore((s) => s.list.find((m) => m.id === memoId)?.words ?? 0);
  return (
    <Text size="xs" c="dimmed" data-testid="memo-word-count">
      {words.toLocaleString()} {words === 1 ? 'word' : 'words'}
    </Text>
  );
}

/**
 * The memo body: toolbar, text and citations. Every change is queued for autosave; the
 * editor is created once per memo (and again when main replaced its body).
 */
export function MemoEditor({
  memo,
  bodyNonce,
  onEditor,
}: {
  memo: Memo;
  bodyNonce: number;
  onEditor: (editor: Editor | null) => void;
}) {
  const session = useMemoSessionStore.getState;
  // A read-only library (a newer Margin's, or open elsewhere) shows the memo, unchangeable.
  const readOnly = useLibraryStore((s) => s.status?.readOnlyReason != null);

  const editor = useEditor(
    {
      extensions: memoEditorExtensions({
        ticker: () => session().memo?.header.ticker ?? null,
        onSaveRevision: saveManualRevision,
      }),
      content: memo.doc,
      editable: !readOnly,
      immediatelyRender: true,
      // The CSP refuses inline <style>: tiptap's base styles are in styles/tiptap-base.css.
      injectCSS: false,
      // The toolbar and word count subscribe to what they show; the rest need not re-render.
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { 'aria-label': 'Memo text', class: 'memo-prose', spellcheck: 'true' },
      },
      onUpdate: () => session().touch(),
    },
    [memo.id, bodyNonce, readOnly],
  );

  useEffect(() => {
    session().attachBody(() => editor.state.doc.toJSON() as Memo['doc']);
    onEditor(editor);
    return () => {
      session().attachBody(null);
      onEditor(null);
      void session().flush();
    };
  }, [editor, onEditor, session]);

  return (
    <RichTextEditor editor={editor} className="memo-editor" variant="subtle">
      <RichTextEditor.Toolbar sticky stickyOffset={0} className="memo-toolbar">
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Underline />
          <RichTextEditor.Strikethrough />
          <RichTextEditor.ClearFormatting />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H2 />
          <RichTextEditor.H3 />
          <RichTextEditor.H4 />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
          <RichTextEditor.Blockquote />
          <RichTextEditor.Hr />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Link />
          <RichTextEditor.Unlink />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.TableInsert />
          <RichTextEditor.TableRowAfter />
          <RichTextEditor.TableColumnAfter />
          <RichTextEditor.TableDelete />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
        <Group ml="auto" gap="xs">
          <WordCount memoId={memo.id} />
        </Group>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content />
    </RichTextEditor>
  );
}
