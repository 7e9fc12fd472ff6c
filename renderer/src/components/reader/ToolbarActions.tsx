import { Button, Kbd } from '@mantine/core';
import type { ClaimClass } from '../../../../shared/domain/highlight';
import { claimClasses } from '../../lib/claim-classes';

interface ToolbarActionsProps {
  /** The selected highlight's class (pressed); undefined over a plain selection. */
  current?: ClaimClass;
  onClass(claimClass: ClaimClass): void;
  onEdit(field: 'tags' | 'note'): void;
  onDelete?: () => void;
}

/** The reader toolbars' buttons, each with its key: 1/2/3, T, N, and Del. */
export function ToolbarActions({ current, onClass, onEdit, onDelete }: ToolbarActionsProps) {
  return (
    <>
      {claimClasses.map((c) => (
        <Button
          key={c.value}
          size="compact-sm"
          variant={current === c.value ? 'light' : 'subtle'}
          color="gray"
          aria-pressed={current === undefined ? undefined : current === c.value}
          title={`${c.label}: ${c.cue} (key ${c.key})`}
          onClick={() => onClass(c.value)}
        >
          <span className="class-swatch" data-class={c.value} aria-hidden />
          &nbsp;{c.label} <Kbd ml={6}>{c.key}</Kbd>
        </Button>
      ))}
      <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onEdit('tags')}>
        Tag… <Kbd ml={6}>T</Kbd>
      </Button>
      <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onEdit('note')}>
        Note <Kbd ml={6}>N</Kbd>
      </Button>
      {onDelete && (
        <Button size="compact-sm" variant="subtle" color="red" onClick={onDelete}>
          Delete <Kbd ml={6}>Del</Kbd>
        </Button>
      )}
    </>
  );
}
