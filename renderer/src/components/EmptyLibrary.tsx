import { Button, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { languageName } from '../lib/language';
import { shortcutLabel } from '../lib/shortcut-label';
import { errorMessage } from '../lib/workbench-client';
import { useArticlesStore } from '../stores/articles-store';
import { useBackupStore } from '../stores/backup-store';
import { useSamplesStore } from '../stores/samples-store';
import { useUiStore } from '../stores/ui-store';

/** First run: one sentence on what to do next, and the buttons to do it. */
export function EmptyLibrary() {
  const sample = useSamplesStore((s) => s.samples[0]);
  const samplesError = useSamplesStore((s) => s.error);
  const openAddArticle = useUiStore((s) => s.openAddArticle);
  const [opening, setOpening] = useState(false);
  const restoring = useBackupStore((s) => s.busy !== null);

  async function openSample() {
    if (!sample) return;
    setOpening(true);
    try {
      await useArticlesStore.getState().importSample(sample.id);
    } catch (error) {
      notifications.show({
        color: 'red',
        title: "Couldn't open the sample article",
        message: errorMessage(error),
      });
    } finally {
      setOpening(false);
    }
  }

  return (
    <div className="empty-state">
      <Title order={2}>Your library is empty</Title>
      <Text mt="sm" c="dimmed">
        Add an article by pasting its text, or open the sample article to see how Margin reads.
      </Text>
      <Group justify="center" mt="lg">
        {sample && (
          <Button onClick={() => void openSample()} loading={opening}>
            Open the sample article
          </Button>
        )}
        <Button variant="default" onClick={openAddArticle}>
          Add article ({shortcutLabel('mod+N')})
        </Button>
        <Button
          variant="subtle"
          onClick={() => void useBackupStore.getState().chooseRestore()}
          loading={restoring}
        >
          Restore from backup…
        </Button>
      </Group>
      {sample && (
        <Text mt="md" size="xs" c="dimmed">
          Sample: “{sample.title}” ({languageName(sample.language)})
        </Text>
      )}
      {samplesError && (
        <Text mt="md" size="xs" c="red">
          {samplesError}
        </Text>
      )}
    </div>
  );
}
