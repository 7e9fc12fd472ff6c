import { Badge, Button, Group, Text } from '@mantine/core';
import type { RelatedClaim } from '../../../../shared/domain/claim-relations';
import type { ClaimClass } from '../../../../shared/domain/highlight';
import { classLabel } from '../../lib/claim-classes';
import { formatCalendarDate } from '../../lib/format-date';
import { openClaimInReader } from '../../lib/open-in-reader';
import { useLinkingStore } from '../../stores/linking-store';
import { useClaimRelations } from './use-claim-relations';

const PREVIEW = 140;
const preview = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW - 1)}…` : flat;
};

function RelatedItem({ related, onUnlink }: { related: RelatedClaim; onUnlink: () => void }) {
  const { claim } = related;
  return (
    <li className="related-claim" data-kind={related.kind}>
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Badge size="xs" variant="light" color={related.kind === 'supports' ? 'green' : 'red'}>
          {related.kind === 'supports' ? '▲ supports' : '▼ contradicts'}
        </Badge>
        <Text size="xs" c="dimmed">
          <span className="class-swatch" data-class={claim.claimClass} aria-hidden />{' '}
          {classLabel(claim.claimClass)}
        </Text>
      </Group>
      <q lang={claim.language === 'und' ? undefined : claim.language}>{preview(claim.quote)}</q>
      <Group gap={4} justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed" truncate>
          {[claim.articleTitle, claim.publishedAt && formatCalendarDate(claim.publishedAt)]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Group gap={2} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => void openClaimInReader(claim.articleId, claim.id)}
          >
            Open
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onUnlink}>
            Unlink
          </Button>
        </Group>
      </Group>
    </li>
  );
}

/**
 * A claim's links. A thesis shows its balance (claims supporting and contradicting it,
 * newest first); an evidence or risk claim shows the theses it bears on and can link more.
 */
export function ClaimRelationsView({
  articleId,
  id,
  claimClass,
  updatedAt,
}: {
  articleId: string;
  id: string;
  claimClass: ClaimClass;
  updatedAt: string;
}) {
  const state = useClaimRelations(articleId, id, updatedAt);
  const unlink = useLinkingStore((s) => s.unlink);
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <Text size="xs" c="red">
        {state.message}
      </Text>
    );
  }
  const { from, to } = state.relations;
  if (claimClass === 'thesis' || from.length > 0) {
    const supporting = from.filter((r) => r.kind === 'supports').length;
    return (
      <section className="claim-relations" aria-label="Balance of this thesis">
        <Text size="xs" fw={600} data-testid="thesis-balance">
          {supporting} supporting · {from.length - supporting} contradicting
        </Text>
        {from.length === 0 ? (
          <Text size="xs" c="dimmed">
            No claim is linked to this thesis yet. Select an evidence or risk claim and press L.
          </Text>
        ) : (
          <ul className="related-claims">
            {from.map((r) => (
              <RelatedItem
                key={r.linkId}
                related={r}
                onUnlink={() =>
                  void unlink({ articleId: r.claim.articleId, id: r.claim.id }, r.linkId)
                }
              />
            ))}
          </ul>
        )}
      </section>
    );
  }
  return (
    <section className="claim-relations" aria-label="Theses this claim bears on">
      <Group justify="space-between" gap={4}>
        <Text size="xs" fw={600}>
          {to.length === 0 ? 'Not linked to a thesis' : `Bears on ${to.length} thesis claim(s)`}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => useLinkingStore.getState().start({ articleId, id })}
        >
          Link to thesis… (L)
        </Button>
      </Group>
      {to.length > 0 && (
        <ul className="related-claims">
          {to.map((r) => (
            <RelatedItem
              key={r.linkId}
              related={r}
              onUnlink={() => void unlink({ articleId, id }, r.linkId)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
