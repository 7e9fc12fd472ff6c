import { Chip, Group, MultiSelect, Popover, Button, Select, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import type { ClaimFilter } from '../../../../shared/claims/claim-query';
import type { ClaimClass } from '../../../../shared/domain/highlight';
import { claimClasses } from '../../lib/claim-classes';
import { languageName } from '../../lib/language';
import { useArticlesStore } from '../../stores/articles-store';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { useCodebookStore } from '../../stores/codebook-store';
import { filterOptions } from './filter-options';

type Range = NonNullable<ClaimFilter['published']>;

const yesNo = (value: boolean | undefined) => (value === undefined ? 'any' : value ? 'yes' : 'no');
const fromYesNo = (value: string | null) =>
  value === 'yes' ? true : value === 'no' ? false : undefined;

/** The board's filter controls. Everything they set also shows as a removable chip. */
export function BoardFilters() {
  const filter = useClaimsBoardStore((s) => s.filter);
  const setFilter = useClaimsBoardStore((s) => s.setFilter);
  const summaries = useArticlesStore((s) => s.summaries);
  const paths = useCodebookStore((s) => s.paths);
  const options = useMemo(() => filterOptions(summaries), [summaries]);
  const tagOptions = useMemo(
    () =>
      [...paths]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [paths],
  );
  const setRange = (key: 'published' | 'created', patch: Partial<Range>) =>
    setFilter({ [key]: { ...filter[key], ...patch } });

  return (
    <div className="board-filters" role="group" aria-label="Filters">
      <Chip.Group
        multiple
        value={filter.classes ?? []}
        onChange={(classes) => setFilter({ classes: classes as ClaimClass[] })}
      >
        <Group gap={4} wrap="nowrap">
          {claimClasses.map((c) => (
            <Chip key={c.value} value={c.value} size="xs" data-class={c.value}>
              {c.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <MultiSelect
        size="xs"
        aria-label="Tickers"
        placeholder="Ticker"
        searchable
        data={options.tickers}
        value={filter.tickers ?? []}
        onChange={(tickers) => setFilter({ tickers })}
        className="board-filter-field"
      />
      <MultiSelect
        size="xs"
        aria-label="Tags"
        placeholder="Tag"
        searchable
        data={tagOptions}
        value={filter.tagIds ?? []}
        onChange={(tagIds) => setFilter({ tagIds })}
        className="board-filter-field"
      />
      <MultiSelect
        size="xs"
        aria-label="Sources"
        placeholder="Source"
        searchable
        data={options.sources}
        value={filter.sources ?? []}
        onChange={(sources) => setFilter({ sources })}
        className="board-filter-field"
      />
      <MultiSelect
        size="xs"
        aria-label="Articles"
        placeholder="Article"
        searchable
        limit={50}
        data={options.articles}
        value={filter.articleIds ?? []}
        onChange={(articleIds) => setFilter({ articleIds })}
        className="board-filter-field"
      />
      <MultiSelect
        size="xs"
        aria-label="Languages"
        placeholder="Language"
        data={options.languages.map((l) => ({ value: l, label: languageName(l) }))}
        value={filter.languages ?? []}
        onChange={(languages) => setFilter({ languages })}
        className="board-filter-field"
      />
      <Popover position="bottom-end" shadow="md" withinPortal>
        <Popover.Target>
          <Button size="xs" variant="default">
            Dates, notes…
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Group gap="xs" wrap="nowrap">
              <TextInput
                size="xs"
                type="date"
                label="Published from"
                value={filter.published?.from ?? ''}
                onChange={(e) =>
                  setRange('published', { from: e.currentTarget.value || undefined })
                }
              />
              <TextInput
                size="xs"
                type="date"
                label="Published to"
                value={filter.published?.to ?? ''}
                onChange={(e) => setRange('published', { to: e.currentTarget.value || undefined })}
              />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <TextInput
                size="xs"
                type="date"
                label="Highlighted from"
                value={filter.created?.from ?? ''}
                onChange={(e) => setRange('created', { from: e.currentTarget.value || undefined })}
              />
              <TextInput
                size="xs"
                type="date"
                label="Highlighted to"
                value={filter.created?.to ?? ''}
                onChange={(e) => setRange('created', { to: e.currentTarget.value || undefined })}
              />
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Select
                size="xs"
                label="Note"
                data={[
                  { value: 'any', label: 'Any' },
                  { value: 'yes', label: 'With a note' },
                  { value: 'no', label: 'Without a note' },
                ]}
                value={yesNo(filter.hasNote)}
                allowDeselect={false}
                onChange={(v) => setFilter({ hasNote: fromYesNo(v) })}
                comboboxProps={{ withinPortal: false }}
              />
              <Select
                size="xs"
                label="Orphaned"
                data={[
                  { value: 'any', label: 'Any' },
                  { value: 'yes', label: 'Only orphans' },
                  { value: 'no', label: 'No orphans' },
                ]}
                value={yesNo(filter.orphaned)}
                allowDeselect={false}
                onChange={(v) => setFilter({ orphaned: fromYesNo(v) })}
                comboboxProps={{ withinPortal: false }}
              />
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </div>
  );
}
