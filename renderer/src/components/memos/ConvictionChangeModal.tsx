import { Button, Group, Modal, MultiSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../lib/workbench-client';

export interface PendingConvictionChange {
  changes: Array<{ field: string; from: string; to: string }>;
  /** The memo's citations, offered as the claims that caused the change. */
  claims: Array<{ value: string; label: string }>;
  confirm(reason: string, claimIds: string[]): Promise<void>;
  cancel(): void;
}

const ABSENT = '—';

/**
 * Changing the recommendation, price target or conviction asks why: a one-line reason and,
 * optionally, the cited claims behind it. Both go into the memo's conviction log.
 */
export function ConvictionChangeModal({ pending }: { pending: PendingConvictionChange | null }) {
  const [reason, setReason] = useState('');
  const [claimIds, setClaimIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setReason('');
    setClaimIds([]);
    setError(null);
    pending?.cancel();
  };
  const submit = async () => {
    if (!pending) return;
    if (reason.trim() === '') {
      setError('Give a one-line reason: the log keeps why the view changed.');
      return;
    }
    setBusy(true);
    try {
      await pending.confirm(reason.trim(), claimIds);
      setReason('');
      setClaimIds([]);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={pending !== null}
      onClose={close}
      title="Why did your view change?"
      lockScroll={false}
      size="lg"
    >
      {pending && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {pending.changes.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td fw={600}>{c.field}</Table.Td>
                    <Table.Td>
                      {c.from || ABSENT} → {c.to || ABSENT}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <TextInput
              label="Reason"
              description="One line, kept in the memo's conviction log."
              data-autofocus
              value={reason}
              maxLength={300}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
            />
            <MultiSelect
              label="Claims behind it (optional)"
              placeholder={
                pending.claims.length ? 'Pick cited claims' : 'The memo cites no claims yet'
              }
              data={pending.claims}
              value={claimIds}
              onChange={setClaimIds}
              searchable
              maxValues={20}
              disabled={pending.claims.length === 0}
              comboboxProps={{ withinPortal: true }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Keep the old value
              </Button>
              <Button type="submit" loading={busy}>
                Log the change
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              Enter logs the change; Esc keeps the old value.
            </Text>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
