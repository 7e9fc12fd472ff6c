import { Anchor, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBacklinksStore } from '../../stores/backlinks-store';
import { useMemosStore } from '../../stores/memos-store';
import { useUiStore } from '../../stores/ui-store';

/** "Cited in": the memos quoting this claim; each opens its memo. Nothing when none does. */
export function CitedIn({ claimId }: { claimId: string }) {
  const memos = useBacklinksStore((s) => s.byClaim.get(claimId));
  useEffect(() => {
    if (memos === undefined) void useBacklinksStore.getState().load([claimId]);
  }, [claimId, memos]);
  if (!memos || memos.length === 0) return null;
  return (
    <Text size="xs" className="cited-in" data-testid="cited-in">
      Cited in:{' '}
      {memos.map((m, i) => (
        <span key={m.memoId}>
          {i > 0 && ' · '}
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={(event) => {
              event.stopPropagation();
              useMemosStore.getState().open(m.memoId);
              useUiStore.getState().setView('memos');
            }}
          >
            {m.title}
          </Anchor>
        </span>
      ))}
    </Text>
  );
}
