import { useState } from 'react';
import { useDeleteClaimStore } from '../../stores/delete-claim-store';
import type { AnchoredHighlight } from '../../../../shared/domain/highlight';
import { useHighlightsStore } from '../../stores/highlights-store';
import { HighlightEditor } from './HighlightEditor';

/** Gives the focus back to the card once the editor has closed (keyboard users stay put). */
const focusCard = (id: string) =>
  requestAnimationFrame(() => document.getElementById(`highlight-${id}`)?.focus());

/**
 * A highlight's card while the analyst edits it. Only the fields changed in the editor
 * are saved, compared with the highlight as the editor opened on it: a change made
 * meanwhile (a re-class by key, an undo) is not reverted by saving a note.
 */
export function HighlightEditorCard({ item }: { item: AnchoredHighlight }) {
  const [opened] = useState(item.highlight);
  const focus = useHighlightsStore((s) =>
    s.editing?.kind === 'highlight' ? s.editing.focus : 'class',
  );
  const store = useHighlightsStore.getState;
  const close = () => {
    store().edit(null, { discard: true });
    focusCard(opened.id);
  };
  return (
    <div className="highlight-card" data-class={item.highlight.claimClass}>
      <HighlightEditor
        title="Edit highlight"
        initial={opened}
        focus={focus}
        onSave={async (values) => {
          const ok = await store().update(opened, values);
          if (ok) close();
          return ok;
        }}
        onCancel={close}
        onDelete={() => {
          store().edit(null, { discard: true });
          void useDeleteClaimStore.getState().request(store().find(opened.id) ?? opened);
        }}
      />
    </div>
  );
}
