import { Badge, Button, Group, Kbd, Text } from '@mantine/core';
import { classLabel } from '../../lib/claim-classes';
import { formatCalendarDate } from '../../lib/format-date';
import { languageName } from '../../lib/language';
import { openClaimInReader } from '../../lib/open-in-reader';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { useCodebookStore } from '../../stores/codebook-store';
import { ClaimRelationsView } from '../relations/ClaimRelationsView';
import { CitedIn } from '../memos/CitedIn';
import { openAddToMemoForRow } from '../memos/add-to-memo';

/** The selected claim in full, where it comes from, and its links. */
export function ClaimDetail() {
  const row = useClaimsBoardStore((s) => s.rows.get(s.selectedIndex) ?? null);
  const paths = useCodebookStore((s) => s.paths);
  if (!row) {
    return (
      <aside className="claim-detail" aria-label="Selected claim">
        <Text size="sm" c="dimmed">
          Select a claim (j/k) to see it in full and its links.
        </Text>
      </aside>
    );
  }
  const lang = row.language === 'und' ? undefined : row.language;
  return (
    <aside className="claim-detail" aria-label="Selected claim" data-class={row.claimClass}>
      <Group gap={6} justify="space-between">
        <Text size="sm" fw={600}>
          <span className="class-swatch" data-class={row.claimClass} aria-hidden />{' '}
          {classLabel(row.claimClass)}
          {row.page !== null && ` · p. ${row.page}`}
        </Text>
        {row.orphaned && (
          <Badge size="xs" color="yellow" variant="light">
            orphaned: the words are no longer in the text
          </Badge>
        )}
      </Group>
      <q className="claim-detail-quote" lang={lang}>
        {row.quote}
      </q>
      {row.paraphrase && <div className="highlight-paraphrase">{row.paraphrase}</div>}
      {row.note && <div className="highlight-note">{row.note}</div>}
      {row.tags.length > 0 && (
        <Group gap={4}>
          {row.tags.map((id) => (
            <Badge key={id} size="xs" variant="default" tt="none">
              {paths.get(id) ?? 'unknown tag'}
            </Badge>
          ))}
        </Group>
      )}
      <Text size="xs" c="dimmed">
        {[
          row.articleTitle,
          row.source,
          row.publishedAt && formatCalendarDate(row.publishedAt),
          languageName(row.language),
          row.tickers.join(', '),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Button
        size="xs"
        variant="light"
        onClick={() => void openClaimInReader(row.articleId, row.id)}
        rightSection={<Kbd size="xs">Enter</Kbd>}
      >
        Open in the article
      </Button>
      <Button
        size="xs"
        variant="default"
        onClick={() => openAddToMemoForRow(row)}
        rightSection={<Kbd size="xs">M</Kbd>}
      >
        Add to memo…
      </Button>
      <CitedIn claimId={row.id} />
      <ClaimRelationsView
        articleId={row.articleId}
        id={row.id}
        claimClass={row.claimClass}
        updatedAt={row.updatedAt}
      />
    </aside>
  );
}
