import { Button, CloseButton } from '@mantine/core';
import { useMemo } from 'react';
import { useArticlesStore } from '../../stores/articles-store';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { useCodebookStore } from '../../stores/codebook-store';
import { chipsOf } from './filter-chips-of';

/** The active filters as removable chips, with "Clear all". */
export function FilterChips() {
  const filter = useClaimsBoardStore((s) => s.filter);
  const replaceFilter = useClaimsBoardStore((s) => s.replaceFilter);
  const paths = useCodebookStore((s) => s.paths);
  const summaries = useArticlesStore((s) => s.summaries);
  const chips = useMemo(
    () =>
      chipsOf(filter, {
        tag: (id) => paths.get(id) ?? 'unknown tag',
        article: (id) => summaries.find((a) => a.id === id)?.title ?? 'unknown article',
      }),
    [filter, paths, summaries],
  );
  if (chips.length === 0) return null;
  return (
    <div className="board-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <span key={chip.key} className="filter-chip">
          {chip.label}
          <CloseButton
            size="xs"
            aria-label={`Remove filter ${chip.label}`}
            onClick={() => replaceFilter(chip.without)}
          />
        </span>
      ))}
      <Button size="compact-xs" variant="subtle" onClick={() => replaceFilter({})}>
        Clear all
      </Button>
    </div>
  );
}
