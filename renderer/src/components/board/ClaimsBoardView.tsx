import { Alert, Button, Group, Loader, Select, Text } from '@mantine/core';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ClaimGroupBy, ClaimSort } from '../../../../shared/claims/claim-query';
import { classOfKey } from '../../lib/claim-classes';
import { isTypingTarget } from '../../lib/is-typing-target';
import { openClaimInReader } from '../../lib/open-in-reader';
import { errorMessage } from '../../lib/workbench-client';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { useCodebookStore } from '../../stores/codebook-store';
import { useExportStore } from '../../stores/export-store';
import { useLinkingStore } from '../../stores/linking-store';
import { openAddToMemoForRow } from '../memos/add-to-memo';
import { notifications } from '@mantine/notifications';
import { BoardFilters } from './BoardFilters';
import { BoardOverview } from './BoardOverview';
import { ClaimDetail } from './ClaimDetail';
import { ClaimTable } from './ClaimTable';
import { FilterChips } from './FilterChips';
import { IndexProgress } from './IndexProgress';

const SORTS: Array<{ value: ClaimSort; label: string }> = [
  { value: 'published-desc', label: 'Newest published first' },
  { value: 'published-asc', label: 'Oldest published first' },
  { value: 'created-desc', label: 'Newest highlighted first' },
  { value: 'created-asc', label: 'Oldest highlighted first' },
  { value: 'article', label: 'By article' },
];
const GROUPS: Array<{ value: ClaimGroupBy; label: string }> = [
  { value: 'none', label: 'No grouping' },
  { value: 'class', label: 'Group by class' },
  { value: 'ticker', label: 'Group by ticker' },
  { value: 'article', label: 'Group by article' },
];

/**
 * Every claim of the library in one list: filters that combine (shown as chips), an
 * overview strip to look at, and the selected claim with its links on the right.
 * Keys: j/k move, Enter opens the article at the claim, 1/2/3 re-class, L links, Ctrl+Z undoes.
 */
export function ClaimsBoardView() {
  const status = useClaimsBoardStore((s) => s.status);
  const error = useClaimsBoardStore((s) => s.error);
  const summary = useClaimsBoardStore((s) => s.summary);
  const sort = useClaimsBoardStore((s) => s.sort);
  const groupBy = useClaimsBoardStore((s) => s.groupBy);
  const tableRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void useClaimsBoardStore.getState().refresh();
    void useCodebookStore.getState().load();
    tableRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (isTypingTarget(event.target) || event.altKey) return;
    // A focused button or link (Unlink, a chip's ×) keeps its own Enter and Space.
    if ((event.target as Element).closest('button, a[href], [role="button"]')) return;
    const board = useClaimsBoardStore.getState();
    const row = board.selectedRow();
    const mod = event.ctrlKey || event.metaKey;
    const run = (action: () => Promise<unknown>) =>
      void action().catch((e: unknown) =>
        notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) }),
      );
    if (mod && !event.shiftKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      run(() => board.undo());
      return;
    }
    if (mod) return;
    if (event.key === 'j' || event.key === 'ArrowDown') board.step(1);
    else if (event.key === 'k' || event.key === 'ArrowUp') board.step(-1);
    else if (event.key === 'Enter' && row) void openClaimInReader(row.articleId, row.id);
    else if (classOfKey(event.key) && row) run(() => board.reclass(row, classOfKey(event.key)!));
    else if (event.key.toLowerCase() === 'l' && row && row.claimClass !== 'thesis') {
      useLinkingStore.getState().start({ articleId: row.articleId, id: row.id });
    } else if (event.key.toLowerCase() === 'm' && row) openAddToMemoForRow(row);
    else return;
    event.preventDefault();
  };

  return (
    <section className="board" aria-label="Claims board" onKeyDown={onKeyDown}>
      <header className="board-header">
        <h2>Claims</h2>
        <Text size="sm" c="dimmed" aria-live="polite" data-testid="board-count">
          {summary
            ? `${summary.claimCount.toLocaleString()} ${summary.claimCount === 1 ? 'claim' : 'claims'}`
            : ''}
        </Text>
        <IndexProgress />
        <Group gap="xs" ml="auto" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            disabled={!summary || summary.claimCount === 0}
            onClick={() => useExportStore.getState().open({ kind: 'claims' })}
          >
            Export…
          </Button>
          <Select
            size="xs"
            aria-label="Sort"
            data={SORTS}
            value={sort}
            allowDeselect={false}
            onChange={(v) => v && useClaimsBoardStore.getState().setSort(v as ClaimSort)}
          />
          <Select
            size="xs"
            aria-label="Group"
            data={GROUPS}
            value={groupBy}
            allowDeselect={false}
            onChange={(v) => v && useClaimsBoardStore.getState().setGroupBy(v as ClaimGroupBy)}
          />
        </Group>
      </header>
      <BoardFilters />
      <FilterChips />
      {summary && summary.claimCount > 0 && <BoardOverview overview={summary.overview} />}
      {status === 'error' && error && (
        <Alert color="red" m="sm" title="The claims could not be listed">
          {error}
        </Alert>
      )}
      <div className="board-main">
        <div className="board-table" ref={tableRef} tabIndex={-1}>
          {status === 'loading' && !summary && <Loader m="xl" aria-label="Listing the claims" />}
          {summary && summary.total === 0 && <BoardEmpty />}
          {summary && summary.total > 0 && <ClaimTable scrollRef={tableRef} />}
        </div>
        <ClaimDetail />
      </div>
    </section>
  );
}

function BoardEmpty() {
  const filtered = useClaimsBoardStore((s) => Object.keys(s.filter).length > 0);
  return (
    <Text c="dimmed" className="empty-state">
      {filtered
        ? 'No claim matches these filters. Remove a chip above to widen the search.'
        : 'No claims yet. Open an article in the Library, select words and press 1, 2 or 3.'}
    </Text>
  );
}
