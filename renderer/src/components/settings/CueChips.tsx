import { ActionIcon, Text } from '@mantine/core';
import { useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';

export interface CueChip {
  cue: string;
  /** `own`: the analyst's cue; `removed`: a built-in cue taken out (struck through). */
  kind: 'own' | 'built-in' | 'removed';
}

const CHIP_STYLE: Record<CueChip['kind'], CSSProperties> = {
  'built-in': {},
  own: {
    background: 'var(--mantine-primary-color-light)',
    color: 'var(--mantine-primary-color-light-color)',
    borderColor: 'var(--mantine-primary-color-light-hover)',
    fontWeight: 600,
  },
  removed: { background: 'transparent', borderStyle: 'dashed' },
};

const LIST_STYLE: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 4,
  listStyle: 'none',
  margin: 0,
  padding: 0,
};

/**
 * Cues as compact chips, each with one button: remove it, or put a removed built-in cue
 * back. One Tab stop for the whole list; the arrow keys, Home and End move between the
 * chips, and Delete removes the focused one.
 */
export function CueChips({
  label,
  chips,
  onRemove,
  onRestore,
  onEmptied,
}: {
  label: string;
  chips: readonly CueChip[];
  onRemove(cue: string): void;
  onRestore(cue: string): void;
  /** The last chip was removed from the keyboard: where the focus goes next. */
  onEmptied?(): void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  /** A chip that disappears takes the focus with it: the one now at this index gets it. */
  const refocus = useRef<number | null>(null);
  const current = Math.max(0, Math.min(active, chips.length - 1));
  const buttons = () => [...(list.current?.querySelectorAll('button') ?? [])];

  useLayoutEffect(() => {
    if (refocus.current === null) return;
    const at = Math.min(refocus.current, chips.length - 1);
    refocus.current = null;
    if (at < 0) onEmptied?.();
    else buttons()[at]?.focus();
  }, [chips, onEmptied]);

  if (chips.length === 0) return null;

  const act = (chip: CueChip, index: number) => {
    if (chip.kind === 'removed') return onRestore(chip.cue);
    // The analyst's own cue leaves the list; a built-in one stays, struck through.
    if (chip.kind === 'own' && list.current?.contains(document.activeElement)) {
      refocus.current = index;
    }
    onRemove(chip.cue);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = buttons();
    const at = all.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const next: Record<string, number> = {
      ArrowRight: Math.min(at + 1, all.length - 1),
      ArrowDown: Math.min(at + 1, all.length - 1),
      ArrowLeft: Math.max(at - 1, 0),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: all.length - 1,
    };
    if (event.key in next) {
      event.preventDefault();
      setActive(next[event.key]!);
      all[next[event.key]!]?.focus();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const chip = chips[at];
      if (chip && chip.kind !== 'removed') act(chip, at);
    }
  };

  return (
    <ul ref={list} aria-label={label} style={LIST_STYLE} onKeyDown={onKeyDown} data-own-keys>
      {chips.map((chip, index) => {
        const removed = chip.kind === 'removed';
        const action = removed ? 'Put back' : 'Remove';
        return (
          <li
            key={chip.cue}
            className="filter-chip"
            style={CHIP_STYLE[chip.kind]}
            data-kind={chip.kind}
          >
            <Text
              span
              size="xs"
              fw={CHIP_STYLE[chip.kind].fontWeight as number | undefined}
              td={removed ? 'line-through' : undefined}
              c={removed ? 'dimmed' : undefined}
              lh={1}
            >
              {chip.cue}
            </Text>
            <ActionIcon
              size={18}
              radius="xl"
              variant="subtle"
              color="gray"
              aria-label={`${action} cue '${chip.cue}'`}
              title={removed ? 'Put back' : 'Remove'}
              tabIndex={index === current ? 0 : -1}
              onFocus={() => setActive(index)}
              onClick={() => act(chip, index)}
            >
              <span aria-hidden>{removed ? '↺' : '×'}</span>
            </ActionIcon>
          </li>
        );
      })}
    </ul>
  );
}
