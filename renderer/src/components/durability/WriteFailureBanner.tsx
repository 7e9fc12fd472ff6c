import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../lib/format-date';
import { useLibraryStore } from '../../stores/library-store';
import { useMemoSessionStore } from '../../stores/memo-session-store';
import { saveCopyElsewhere } from './save-copy-elsewhere';

const sentence = (text: string) => text.replace(/[.\s]+$/, '');

/** Re-reads the status and sends again what is waiting to be saved (the open memo's body). */
async function tryNow(): Promise<void> {
  await Promise.all([
    useMemoSessionStore.getState().flush(),
    useLibraryStore.getState().loadStatus(),
  ]);
  // The memo's write may have just succeeded: main has cleared the failure by now.
  await useLibraryStore.getState().loadStatus();
}

/**
 * Under the header while saving to the data folder fails: why, since when, and what the
 * analyst can do. It goes when a write succeeds again, with a short toast saying so.
 */
export function WriteFailureBanner() {
  const failure = useLibraryStore((s) => s.status?.writeFailure ?? null);
  const [busy, setBusy] = useState<'retry' | 'copy' | null>(null);
  const wasFailing = useRef(false);

  useEffect(() => {
    if (failure) wasFailing.current = true;
    else if (wasFailing.current) {
      wasFailing.current = false;
      notifications.show({
        color: 'green',
        title: 'Saving works again',
        message: 'Everything from this window is being saved to the data folder as usual.',
        autoClose: 5_000,
      });
    }
  }, [failure]);

  if (!failure) return null;
  const run = (kind: 'retry' | 'copy', task: () => Promise<void>) => {
    setBusy(kind);
    void task().finally(() => setBusy(null));
  };
  return (
    <Alert
      className="write-failure-banner"
      color="red"
      title={`Margin can't save: ${sentence(failure.cause)}.`}
      data-testid="write-failure-banner"
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">
          What you haven't saved stays in this window; Margin tries again every few seconds. Since{' '}
          {formatDateTime(failure.since)}, last while saving {failure.what}.
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            color="red"
            loading={busy === 'retry'}
            onClick={() => run('retry', tryNow)}
          >
            Try now
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={busy === 'copy'}
            onClick={() => run('copy', saveCopyElsewhere)}
          >
            Save a copy elsewhere…
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
