import { Badge, Group, Text } from '@mantine/core';
import { memo } from 'react';
import type { ClaimRow } from '../../../../shared/claims/claim-row';
import { classLabel } from '../../lib/claim-classes';
import { formatCalendarDate } from '../../lib/format-date';
import { openClaimInReader } from '../../lib/open-in-reader';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { useCodebookStore } from '../../stores/codebook-store';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One claim on the board: class, quote, where it comes from, tags, note and links. */
export const ClaimRowView = memo(function ClaimRowView({
  row,
  index,
  selected,
}: {
  row: ClaimRow;
  index: number;
  selected: boolean;
}) {
  const paths = useCodebookStore((s) => s.paths);
  const lang = row.language === 'und' ? undefined : row.language;
  return (
    <div
      id={`claim-row-${index}`}
      className="claim-row"
      data-class={row.claimClass}
      data-orphan={row.orphaned}
      role="option"
      aria-selected={selected}
      onClick={() => useClaimsBoardStore.getState().select(index)}
      onDoubleClick={() => void openClaimInReader(row.articleId, row.id)}
    >
      <div className="claim-row-class">
        <span className="class-swatch" data-class={row.claimClass} aria-hidden />
        <Text size="xs" fw={600}>
          {classLabel(row.claimClass)}
        </Text>
      </div>
      <div className="claim-row-main">
        <q className="claim-row-quote" lang={lang}>
          {flat(row.quote)}
        </q>
        <Group gap={6} wrap="nowrap" className="claim-row-meta">
          <Text size="xs" c="dimmed" truncate>
            {[row.articleTitle, row.source, row.publishedAt && formatCalendarDate(row.publishedAt)]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {row.tickers.slice(0, 4).map((t) => (
            <Badge key={t} size="xs" variant="outline" tt="none">
              {t}
            </Badge>
          ))}
          {row.tags.slice(0, 3).map((id) => (
            <Badge key={id} size="xs" variant="default" tt="none">
              {paths.get(id) ?? 'unknown tag'}
            </Badge>
          ))}
          {row.note && (
            <Text size="xs" c="dimmed" truncate className="claim-row-note">
              ✎ {flat(row.note)}
            </Text>
          )}
        </Group>
      </div>
      <div className="claim-row-side">
        {row.orphaned && (
          <Badge size="xs" color="yellow" variant="light">
            orphaned
          </Badge>
        )}
        {row.claimClass === 'thesis' && row.supports + row.contradicts > 0 && (
          <Text size="xs" title="Claims supporting / contradicting this thesis">
            ▲ {row.supports} · ▼ {row.contradicts}
          </Text>
        )}
        {row.relatedTo > 0 && (
          <Text size="xs" c="dimmed" title="Thesis claims this claim bears on">
            → {row.relatedTo}
          </Text>
        )}
      </div>
    </div>
  );
});
