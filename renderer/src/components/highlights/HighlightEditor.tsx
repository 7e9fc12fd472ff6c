import {
  Alert,
  Button,
  Group,
  Kbd,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Textarea,
} from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ClaimClass, Highlight } from '../../../../shared/domain/highlight';
import { claimClasses } from '../../lib/claim-classes';
import { shortcutLabel } from '../../lib/shortcut-label';
import { errorMessage } from '../../lib/workbench-client';
import { useCodebookStore } from '../../stores/codebook-store';
import { useHighlightsStore, type EditorField } from '../../stores/highlights-store';

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
  // The tags as the editor opened: kept by id, so a rename meanwhile never revives a name.
  const [openedIds] = useState(() => new Map(initial.tags.map((id) => [paths.get(id) ?? id, id])));
  const [claimClass, setClaimClass] = useState<ClaimClass>(initial.claimClass);
  const [tags, setTags] = useState<string[]>(() => [...openedIds.keys()]);
  const [tagDraft, setTagDraft] = useState('');
  const [note, setNote] = useState(initial.note);
  const [paraphrase, setParaphrase] = useState(initial.paraphrase);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const setDirty = useHighlightsStore((s) => s.setEditorDirty);
  const focusRequest = useHighlightsStore((s) => s.editorFocusRequest);

  const dirty =
    claimClass !== initial.claimClass ||
    note !== initial.note ||
    paraphrase !== initial.paraphrase ||
    tagDraft.trim() !== '' ||
    tags.join('\n') !== [...openedIds.keys()].join('\n');
  useEffect(() => setDirty(dirty), [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);

  const focusField = (field: EditorField) => {
    const element = rootRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`);
    // The class control is a radio group: focus its checked option.
    const target = element?.matches('input, textarea')
      ? element
      : element?.querySelector<HTMLElement>('input:checked, input, textarea');
    target?.focus();
  };
  // On opening, and when another edit was refused because this one holds typing.
  useEffect(() => {
    focusField(focus);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  async function save() {
    if (savingRef.current) return; // a second Ctrl+Enter must not save (or create) twice
    savingRef.current = true;
    setSaving(true);
    setError(null);
    try {
      // A tag still being typed counts, as if Enter had been pressed in the field.
      const paths = [...tags, tagDraft.trim()].filter((p, i, all) => p && all.indexOf(p) === i);
      const known = paths.flatMap((p) => (openedIds.has(p) ? [openedIds.get(p)!] : []));
      const added = await ensure(paths.filter((p) => !openedIds.has(p)));
      if (await onSave({ claimClass, tags: [...known, ...added], note, paraphrase })) return;
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      savingRef.current = false;
    }
    setSaving(false);
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      // Esc first closes the tag suggestions; typing is never thrown away by Esc.
      const target = event.target as Element;
      if (target.getAttribute('aria-expanded') === 'true' || dirty) return;
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <Stack
      ref={rootRef}
      gap="xs"
      onKeyDown={onKeyDown}
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
        searchValue={tagDraft}
        onSearchChange={setTagDraft}
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
          {dirty && (
            <Text size="xs" c="dimmed">
              Not saved yet
            </Text>
          )}
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
