import type { AnchoredHighlight } from '../../../../shared/domain/highlight';
import { useHighlightsStore } from '../../stores/highlights-store';
import { HighlightEditor, type EditorValues } from './HighlightEditor';

/** A highlight's card while the analyst edits it: only the changed fields are saved. */
export function HighlightEditorCard({ item }: { item: AnchoredHighlight }) {
  const { highlight } = item;
  const focus = useHighlightsStore((s) =>
    s.editing?.kind === 'highlight' ? s.editing.focus : 'class',
  );
  const store = useHighlightsStore.getState;
  return (
    <div className="highlight-card" data-class={highlight.claimClass}>
      <HighlightEditor
        title="Edit highlight"
        initial={highlight}
        focus={focus}
        onSave={async (values) => {
          const changed = Object.fromEntries(
            Object.entries(values).filter(
              ([key, value]) =>
                JSON.stringify(value) !== JSON.stringify(highlight[key as keyof EditorValues]),
            ),
          );
          const ok =
            Object.keys(changed).length === 0 || (await store().update(highlight.id, changed));
          if (ok) store().edit(null);
          return ok;
        }}
        onCancel={() => store().edit(null)}
        onDelete={() => {
          store().edit(null);
          void store().remove(highlight.id);
        }}
      />
    </div>
  );
}
