import { Button, Group, Modal, Text } from '@mantine/core';
import { shortcutLabel } from '../../lib/shortcut-label';
import { useDeleteClaimStore } from '../../stores/delete-claim-store';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Asks before deleting a claim that other claims are linked to (or that links to theses). */
export function ConfirmDeleteClaim() {
  const pending = useDeleteClaimStore((s) => s.pending);
  const { confirm, cancel } = useDeleteClaimStore.getState();
  const parts = pending
    ? [
        pending.supporting > 0 &&
          `${plural(pending.supporting, 'claim supports', 'claims support')} it`,
        pending.contradicting > 0 &&
          `${plural(pending.contradicting, 'claim contradicts', 'claims contradict')} it`,
        pending.linkedTo > 0 && `it bears on ${plural(pending.linkedTo, 'thesis', 'theses')}`,
      ].filter(Boolean)
    : [];
  return (
    <Modal opened={pending !== null} onClose={cancel} title="Delete this claim and its links?">
      <Text size="sm">
        {parts.join('; ')}. Deleting the claim removes these links too. Undo (
        {shortcutLabel('mod+Z')}) in the reader brings the claim and its links back.
      </Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={cancel}>
          Keep it
        </Button>
        <Button color="red" data-autofocus onClick={() => void confirm()}>
          Delete claim and links
        </Button>
      </Group>
    </Modal>
  );
}
