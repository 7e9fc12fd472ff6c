import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';
import { useClaimsBoardStore } from '../../stores/claims-board-store';
import { boardItem, lineOfRow } from '../../lib/board-items';
import { ClaimRowView } from './ClaimRowView';

const ROW_HEIGHT = 64;
const GROUP_HEIGHT = 30;

/** The board's rows, virtualised (a library holds 100,000 claims), with group headings. */
export function ClaimTable({ scrollRef }: { scrollRef: RefObject<HTMLDivElement | null> }) {
  const summary = useClaimsBoardStore((s) => s.summary)!;
  const rows = useClaimsBoardStore((s) => s.rows);
  const selectedIndex = useClaimsBoardStore((s) => s.selectedIndex);
  const groups = summary.groups;
  const lines = summary.total + groups.length;

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => scrollRef.current,
    estimateSize: (line) => (boardItem(groups, line).kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    overscan: 12,
  });
  const visible = virtualizer.getVirtualItems();
  const first = visible[0]?.index ?? 0;
  const last = visible.at(-1)?.index ?? 0;

  useEffect(() => {
    const from = boardItem(groups, first);
    const to = boardItem(groups, last);
    const start = from.kind === 'row' ? from.index : from.group.start;
    const end = (to.kind === 'row' ? to.index : to.group.start) + 1;
    useClaimsBoardStore.getState().ensureRows(start, end);
  }, [first, last, groups]);

  useEffect(() => {
    virtualizer.scrollToIndex(lineOfRow(groups, selectedIndex), { align: 'auto' });
  }, [selectedIndex, groups, virtualizer]);

  return (
    <div
      className="claim-table"
      role="listbox"
      aria-label="Claims"
      aria-activedescendant={`claim-row-${selectedIndex}`}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {visible.map((line) => {
        const item = boardItem(groups, line.index);
        const style = { transform: `translateY(${line.start}px)`, height: line.size };
        if (item.kind === 'group') {
          return (
            <div key={line.key} className="claim-group" style={style} role="presentation">
              <span>{item.group.label}</span>
              <span className="claim-group-count">{item.group.count}</span>
            </div>
          );
        }
        const row = rows.get(item.index);
        return (
          <div key={line.key} className="claim-line" style={style} role="presentation">
            {row ? (
              <ClaimRowView row={row} index={item.index} selected={item.index === selectedIndex} />
            ) : (
              <div className="claim-row claim-row-loading" aria-hidden />
            )}
          </div>
        );
      })}
    </div>
  );
}
