import type { Editor } from '@tiptap/react';
import { CLAIM_REFERENCE } from '../../../../shared/memo/claim-reference';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { notifications } from '@mantine/notifications';
import { useCitationStatesStore } from '../../stores/citation-states-store';

/**
 * Cites a claim at `position` (the cursor when omitted): main builds the snapshot (quote,
 * class, source, ¶ locator), then the citation goes in as one undoable step.
 */
export async function insertCitation(
  editor: Editor,
  highlightId: string,
  position?: number,
): Promise<boolean> {
  try {
    const snapshot = await requireWorkbench().memos.citation({ highlightId });
    if (editor.isDestroyed) return false;
    const at = Math.min(position ?? editor.state.selection.from, editor.state.doc.content.size);
    const node = { type: CLAIM_REFERENCE, attrs: snapshot };
    editor
      .chain()
      .focus()
      .insertContentAt(at, [node, { type: 'text', text: ' ' }])
      .run();
    void useCitationStatesStore.getState().refresh([highlightId]);
    return true;
  } catch (error) {
    notifications.show({
      color: 'red',
      message: `Couldn't cite the claim: ${errorMessage(error)}`,
    });
    return false;
  }
}
