import { Button, Group, Text, TagsInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../../shared/memo/logged-fields';
import { errorMessage } from '../../lib/workbench-client';
import { useRecommendationScaleStore } from '../../stores/recommendation-scale-store';

const DEFAULT_SCALE = [...DEFAULT_RECOMMENDATION_SCALE];

/** The ratings a memo's recommendation offers, best first (2 to 9 of them). */
export function RecommendationScaleEditor() {
  const saved = useRecommendationScaleStore((s) => s.scale);
  const [draft, setDraft] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scale = draft ?? saved;
  const changed = draft !== null && draft.join('\n') !== saved.join('\n');

  const save = async (next: string[]) => {
    try {
      await useRecommendationScaleStore.getState().save(next);
      setDraft(null);
      setError(null);
      notifications.show({ message: 'Saved the recommendation scale.' });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div>
      <TagsInput
        label="Ratings, best first"
        description="Type a rating and press Enter, best first. Memos keep the ratings they already have."
        value={scale}
        onChange={setDraft}
        maxTags={9}
        allowDuplicates={false}
        error={error}
      />
      <Group gap="xs" mt="xs">
        <Button size="xs" disabled={!changed} onClick={() => void save(scale)}>
          Save scale
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={saved.join('\n') === DEFAULT_SCALE.join('\n')}
          onClick={() => void save(DEFAULT_SCALE)}
        >
          Use Buy … Sell
        </Button>
        {changed && (
          <Text size="xs" c="dimmed">
            Not saved yet.
          </Text>
        )}
      </Group>
    </div>
  );
}
