import { Text } from '@mantine/core';
import { forwardRef, useEffect, useImperativeHandle, useState } from 'react';
import { classLabel } from '../../lib/claim-classes';
import type { CiteItem } from './cite-items';

export interface CitePickerProps {
  items: CiteItem[];
  query: string;
  loading: boolean;
  command: (item: CiteItem) => void;
}

export interface CitePickerHandle {
  onKeyDown(event: KeyboardEvent): boolean;
}

/** The list `/cite` and `@` open at the cursor: ↑/↓ choose, Enter cites, Esc closes. */
export const CitePicker = forwardRef<CitePickerHandle, CitePickerProps>(function CitePicker(
  { items, query, loading, command },
  ref,
) {
  const [active, setActive] = useState(0);
  useEffect(() => setActive(0), [items]);

  useImperativeHandle(ref, () => ({
    onKeyDown(event) {
      if (items.length === 0) return false;
      if (event.key === 'ArrowDown') {
        setActive((i) => (i + 1) % items.length);
        return true;
      }
      if (event.key === 'ArrowUp') {
        setActive((i) => (i - 1 + items.length) % items.length);
        return true;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        command(items[active]!);
        return true;
      }
      return false;
    },
  }));

  return (
    <div className="cite-picker" role="listbox" aria-label="Claims to cite">
      {items.length === 0 && (
        <Text size="xs" c="dimmed" p="xs">
          {loading
            ? 'Searching…'
            : query.trim()
              ? `No claim matches “${query.trim()}”.`
              : 'No claims yet: highlight claims in an article first.'}
        </Text>
      )}
      {items.map((item, i) => (
        <div
          key={item.id}
          role="option"
          aria-selected={i === active}
          className="cite-picker-item"
          data-class={item.claimClass}
          onMouseDown={(event) => {
            event.preventDefault();
            command(item);
          }}
          onMouseEnter={() => setActive(i)}
        >
          <span className="cite-picker-class">{classLabel(item.claimClass)}</span>
          <span className="cite-picker-text">{item.text}</span>
          <span className="cite-picker-source">{item.source ?? item.articleTitle}</span>
        </div>
      ))}
    </div>
  );
});
