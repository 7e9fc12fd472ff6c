import {
  Alert,
  Button,
  Group,
  Kbd,
  SegmentedControl,
  Stack,
  TagsInput,
  Textarea,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { ClaimClass, Highlight } from '../../../../shared/domain/highlight';
import { claimClasses } from '../../lib/claim-classes';
import { shortcutLabel } from '../../lib/shortcut-label';
import { errorMessage } from '../../lib/workbench-client';
import { useCodebookStore } from '../../stores/codebook-store';
import type { EditorField } from '../../stores/highlights-store';

export type EditorValues = Pick<Highlight, 'claimClass' | 'tags' | 'note' | 'paraphrase'>;

interface EditorProps {
  /** What the fields start from; tags are ids. */
  initial: EditorValues;
  focus: EditorField;
  title: string;
  /** Resolves true when saved; the editor then closes. */
  onSave(values: EditorValues): Promise<boolean>;
  onCancel(): void;
  onDelete?: () => void;
}

/**
 * Class, tags, note and paraphrase of one highlight. Tags autocomplete from the codebook;
 * a new path (`Risk › Regulatory`) creates its tags on save. Ctrl+Enter saves, Esc cancels.
 */
export function HighlightEditor({
  initial,
  focus,
  title,
  onSave,
  onCancel,
  onDelete,
}: EditorProps) {
  const paths = useCodebookStore((s) => s.paths);
  const ensure = useCodebookStore((s) => s.ensure);
  const [claimClass, setClaimClass] = useState<ClaimClass>(initial.claimClass);
  const [tags, setTags] = useState<string[]>(() =>
    initial.tags.flatMap((id) => (paths.has(id) ? [paths.get(id)!] : [])),
  );
  const [note, setNote] = useState(initial.note);
  const [paraphrase, setParaphrase] = useState(initial.paraphrase);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const field = rootRef.current?.querySelector<HTMLElement>(`[data-field="${focus}"]`);
    // The class control is a radio group: focus its checked option.
    const target = field?.matches('input, textarea')
      ? field
      : field?.querySelector<HTMLElement>('input:checked, input, textarea');
    target?.focus();
    // Only on opening: later renders must not move the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const ids = await ensure(tags);
      if (await onSave({ claimClass, tags: ids, note, paraphrase })) return;
    } catch (failure) {
      setError(errorMessage(failure));
    }
    setSaving(false);
  }

  const keys = getHotkeyHandler([
    ['mod+Enter', () => void save()],
    ['Escape', onCancel],
  ]);

  return (
    <Stack
      ref={rootRef}
      gap="xs"
      onKeyDown={keys}
      data-own-keys
      aria-label={title}
      role="group"
      className="highlight-editor"
    >
      <SegmentedControl
        data-field="class"
        size="xs"
        value={claimClass}
        onChange={(value) => setClaimClass(value as ClaimClass)}
        data={claimClasses.map((c) => ({ value: c.value, label: c.label }))}
        aria-label="Class"
      />
      <TagsInput
        data-field="tags"
        size="xs"
        label="Tags"
        placeholder="Risk › Regulatory"
        data={[...paths.values()].sort((a, b) => a.localeCompare(b))}
        value={tags}
        onChange={setTags}
        clearable
        comboboxProps={{ withinPortal: false }}
      />
      <Textarea
        data-field="note"
        size="xs"
        label="Note"
        autosize
        minRows={2}
        maxRows={10}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Textarea
        data-field="paraphrase"
        size="xs"
        label="Paraphrase / translation"
        description="What a memo quotes beside the original words"
        autosize
        minRows={1}
        maxRows={8}
        value={paraphrase}
        onChange={(e) => setParaphrase(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" p="xs">
          {error}
        </Alert>
      )}
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Button size="compact-sm" onClick={() => void save()} loading={saving}>
            Save <Kbd ml={6}>{shortcutLabel('mod+Enter')}</Kbd>
          </Button>
          <Button size="compact-sm" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
        {onDelete && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={onDelete}>
            Delete
          </Button>
        )}
      </Group>
    </Stack>
  );
}
