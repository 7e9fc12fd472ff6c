import {
  Alert,
  Badge,
  Button,
  Group,
  Kbd,
  Loader,
  SegmentedControl,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { type KeyboardEvent } from 'react';
import type { MemoStatus } from '../../../../shared/domain/memo';
import { formatInstant } from '../../lib/format-date';
import { shortcutLabel } from '../../lib/shortcut-label';
import { filterMemos, useMemosStore } from '../../stores/memos-store';
import { formatPriceTarget } from '../../../../shared/memo/logged-fields';

const STATUS_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'final', label: 'Final' },
];

/** The memo list: filter by company or ticker and by status; a click or ↑/↓ opens a memo. */
export function MemoList({ onNew }: { onNew: () => void }) {
  const list = useMemosStore((s) => s.list);
  const status = useMemosStore((s) => s.status);
  const error = useMemosStore((s) => s.error);
  const filter = useMemosStore((s) => s.filter);
  const openId = useMemosStore((s) => s.openId);
  const store = useMemosStore.getState;
  const shown = filterMemos(list, filter);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const at = shown.findIndex((m) => m.id === openId);
    const next =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, shown.length - 1)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : -1;
    if (next >= 0 && shown[next]) {
      event.preventDefault();
      store().open(shown[next].id);
    }
  };

  return (
    <section className="pane" aria-labelledby="memos-heading">
      <header className="pane-header">
        <h2 id="memos-heading">Memos</h2>
        <Tooltip label={<Kbd size="xs">{shortcutLabel('mod+shift+N')}</Kbd>}>
          <Button size="compact-xs" onClick={onNew}>
            New memo
          </Button>
        </Tooltip>
      </header>
      <div className="memo-list-filters">
        <TextInput
          size="xs"
          placeholder="Company or ticker"
          aria-label="Filter memos by company or ticker"
          value={filter.company ?? ''}
          onChange={(e) => store().setFilter({ company: e.currentTarget.value || null })}
        />
        <SegmentedControl
          size="xs"
          fullWidth
          aria-label="Filter memos by status"
          data={STATUS_FILTERS}
          value={filter.status ?? 'all'}
          onChange={(value) =>
            store().setFilter({ status: value === 'all' ? null : (value as MemoStatus) })
          }
        />
      </div>
      <div className="pane-body">
        {status === 'loading' && <Loader size="sm" m="md" aria-label="Loading memos" />}
        {status === 'error' && (
          <Alert color="red" m="sm" title="The memos could not be listed">
            {error}
          </Alert>
        )}
        {status === 'ready' && list.length === 0 && (
          <div className="empty-state">
            <Text size="sm">Write your first investment memo from the template.</Text>
            <Button size="xs" mt="xs" onClick={onNew}>
              New memo
            </Button>
          </div>
        )}
        {status === 'ready' && list.length > 0 && shown.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            No memo matches the filter.
          </Text>
        )}
        <ul
          className="memo-list"
          role="listbox"
          aria-label="Memos"
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          {shown.map((memo) => (
            <li
              key={memo.id}
              role="option"
              aria-selected={memo.id === openId}
              className="memo-list-item"
              onClick={() => store().open(memo.id)}
            >
              <Group gap={6} justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600} lineClamp={1}>
                  {memo.title}
                </Text>
                <Badge
                  size="xs"
                  variant={memo.status === 'final' ? 'filled' : 'light'}
                  className="no-shrink"
                >
                  {memo.status}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {[
                  memo.ticker,
                  memo.recommendation,
                  formatPriceTarget(memo.priceTarget),
                  `${memo.citations} ${memo.citations === 1 ? 'citation' : 'citations'}`,
                  formatInstant(memo.updatedAt),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
