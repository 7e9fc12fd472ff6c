import {
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Editor, JSONContent } from '@tiptap/react';
import { useState } from 'react';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { useArticlesStore } from '../../stores/articles-store';
import { useCitationStatesStore } from '../../stores/citation-states-store';
import { citedIdsOf } from './cited-claims';
import { insertIntoSections } from '../../lib/editor-sections';

/**
 * "Assemble from claims": the claims of a ticker or of chosen articles fill Thesis, Risks
 * and Evidence (evidence under the thesis it supports) as a first draft, in one undoable step.
 */
export function AssembleModal({
  opened,
  onClose,
  editor,
  ticker,
}: {
  opened: boolean;
  onClose: () => void;
  editor: Editor | null;
  ticker: string | null;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Assemble from claims" lockScroll={false}>
      <AssembleForm onClose={onClose} editor={editor} ticker={ticker} />
    </Modal>
  );
}

/** Mounted while the dialog is open, so each opening starts from the memo's ticker. */
function AssembleForm({
  onClose,
  editor,
  ticker,
}: {
  onClose: () => void;
  editor: Editor | null;
  ticker: string | null;
}) {
  const articles = useArticlesStore((s) => s.summaries);
  const [by, setBy] = useState<'ticker' | 'articles'>(
    ticker || articles.length === 0 ? 'ticker' : 'articles',
  );
  const [tickerText, setTickerText] = useState(ticker ?? '');
  const [articleIds, setArticleIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const assemble = async () => {
    if (!editor) return;
    const ticker = tickerText.trim().toUpperCase();
    if (by === 'ticker' && ticker === '') return setError('Name a ticker.');
    if (by === 'articles' && articleIds.length === 0) {
      return setError('Choose at least one article.');
    }
    const input = by === 'ticker' ? { ticker } : { articleIds };
    setBusy(true);
    try {
      const sections = await requireWorkbench().memos.assemble(input);
      insertIntoSections(editor, [
        { section: 'thesis', content: sections.thesis as JSONContent[] },
        { section: 'risks', content: sections.risks as JSONContent[] },
        { section: 'evidence', content: sections.evidence as JSONContent[] },
      ]);
      void useCitationStatesStore.getState().refresh(citedIdsOf(editor));
      onClose();
      notifications.show({
        message: `Placed ${sections.claims} ${sections.claims === 1 ? 'claim' : 'claims'} in Thesis, Risks and Evidence. Ctrl+Z takes them out again.`,
      });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void assemble();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Fills Thesis, Risks and Evidence with the tagged claims, evidence under the thesis it
          supports, as a first draft to edit.
        </Text>
        <SegmentedControl
          size="xs"
          data={[
            { value: 'ticker', label: 'Claims on a ticker' },
            { value: 'articles', label: 'Claims of articles' },
          ]}
          value={by}
          onChange={(value) => setBy(value as 'ticker' | 'articles')}
        />
        {by === 'ticker' ? (
          <TextInput
            label="Ticker"
            data-autofocus
            value={tickerText}
            onChange={(e) => setTickerText(e.currentTarget.value.toUpperCase())}
          />
        ) : (
          <MultiSelect
            label="Articles"
            searchable
            data={articles.map((a) => ({ value: a.id, label: a.title }))}
            value={articleIds}
            onChange={setArticleIds}
            maxValues={200}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Assemble
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
