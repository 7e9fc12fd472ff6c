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

/** A from–to pair of date fields ("Published from", "Published to"). */
function DateRange({
  label,
  range,
  onChange,
}: {
  label: string;
  range: Range | undefined;
  onChange: (patch: Partial<Range>) => void;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <TextInput
        size="xs"
        type="date"
        label={`${label} from`}
        value={range?.from ?? ''}
        onChange={(e) => onChange({ from: e.currentTarget.value || undefined })}
      />
      <TextInput
        size="xs"
        type="date"
        label={`${label} to`}
        value={range?.to ?? ''}
        onChange={(e) => onChange({ to: e.currentTarget.value || undefined })}
      />
    </Group>
  );
}

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
  const pickers: ReadonlyArray<{
    facet: 'tickers' | 'tagIds' | 'sources' | 'articleIds' | 'languages';
    label: string;
    placeholder: string;
    data: Array<string | { value: string; label: string }>;
  }> = [
    { facet: 'tickers', label: 'Tickers', placeholder: 'Ticker', data: options.tickers },
    { facet: 'tagIds', label: 'Tags', placeholder: 'Tag', data: tagOptions },
    { facet: 'sources', label: 'Sources', placeholder: 'Source', data: options.sources },
    { facet: 'articleIds', label: 'Articles', placeholder: 'Article', data: options.articles },
    {
      facet: 'languages',
      label: 'Languages',
      placeholder: 'Language',
      data: options.languages.map((l) => ({ value: l, label: languageName(l) })),
    },
  ];

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
      {pickers.map(({ facet, label, placeholder, data }) => (
        <MultiSelect
          key={facet}
          size="xs"
          aria-label={label}
          placeholder={placeholder}
          searchable
          limit={100}
          data={data}
          value={filter[facet] ?? []}
          onChange={(values) => setFilter({ [facet]: values })}
          className="board-filter-field"
        />
      ))}
      <Popover position="bottom-end" shadow="md" withinPortal>
        <Popover.Target>
          <Button size="xs" variant="default">
            Dates, notes…
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <DateRange
              label="Published"
              range={filter.published}
              onChange={(r) => setRange('published', r)}
            />
            <DateRange
              label="Highlighted"
              range={filter.created}
              onChange={(r) => setRange('created', r)}
            />
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
