import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  MEMO_SECTIONS,
  sectionForClass,
  sectionTitle,
  type MemoSectionId,
} from '../../../../shared/memo/memo-sections';
import { classLabel } from '../../lib/claim-classes';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { useAddToMemoStore, type ClaimToAdd } from '../../stores/add-to-memo-store';
import { useBacklinksStore } from '../../stores/backlinks-store';
import { useMemosStore } from '../../stores/memos-store';
import { useUiStore } from '../../stores/ui-store';

/**
 * "Add to memo…": the claim goes at the end of a section of a memo, by default the one its
 * class belongs in (thesis → Thesis, risk → Risks, evidence → Evidence).
 */
export function AddToMemoModal() {
  const claim = useAddToMemoStore((s) => s.claim);
  const close = useAddToMemoStore((s) => s.close);
  return (
    <Modal opened={claim !== null} onClose={close} title="Add to memo" lockScroll={false}>
      {claim && <AddToMemoForm key={claim.highlightId} claim={claim} close={close} />}
    </Modal>
  );
}

function AddToMemoForm({ claim, close }: { claim: ClaimToAdd; close: () => void }) {
  const memos = useMemosStore((s) => s.list);
  const [memoId, setMemoId] = useState<string | null>(null);
  const [section, setSection] = useState<MemoSectionId>(sectionForClass(claim.claimClass));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void useMemosStore
      .getState()
      .loadList()
      .then(() => {
        const list = useMemosStore.getState().list;
        const onTicker = list.find((m) => m.ticker && claim.tickers.includes(m.ticker));
        const lastOpen = list.find((m) => m.id === useMemosStore.getState().openId);
        setMemoId((onTicker ?? lastOpen ?? list[0])?.id ?? null);
      });
  }, [claim]);

  const add = async () => {
    if (!memoId) return;
    setBusy(true);
    try {
      const memo = await requireWorkbench().memos.addCitation({
        id: memoId,
        highlightId: claim.highlightId,
        section,
      });
      useBacklinksStore.getState().invalidate();
      void useMemosStore.getState().loadList();
      close();
      notifications.show({
        message: (
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <span>
              Added to “{memo.title}” › {sectionTitle(section)}.
            </span>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                useMemosStore.getState().open(memo.id);
                useUiStore.getState().setView('memos');
              }}
            >
              Open memo
            </Button>
          </Group>
        ),
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
        void add();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" lineClamp={3}>
          <b>{classLabel(claim.claimClass)}:</b> “{claim.quote}”
        </Text>
        {memos.length === 0 ? (
          <Text size="sm" c="dimmed">
            There is no memo yet. Create one with Ctrl+Shift+N, then add the claim.
          </Text>
        ) : (
          <>
            <Select
              label="Memo"
              data-autofocus
              data={memos.map((m) => ({
                value: m.id,
                label: m.ticker ? `${m.title} (${m.ticker})` : m.title,
              }))}
              value={memoId}
              onChange={setMemoId}
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="Section"
              data={MEMO_SECTIONS.map((s) => ({ value: s.id, label: s.title }))}
              value={section}
              onChange={(value) => value && setSection(value as MemoSectionId)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </>
        )}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={busy} disabled={!memoId}>
            Add
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
