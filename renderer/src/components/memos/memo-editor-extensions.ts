import type { AnyExtension } from '@tiptap/core';
import { Placeholder } from '@tiptap/extensions';
import { Extension } from '@tiptap/core';
import {
  CLAIM_REFERENCE,
  ClaimReference,
  type ClaimReferenceAttrs,
} from '../../../../shared/memo/claim-reference';
import { openClaimInReader } from '../../lib/open-in-reader';
import { memoExtensions } from '../../../../shared/memo/memo-extensions';
import { NodeSelection, Plugin } from '@tiptap/pm/state';
import { CiteSuggestion } from './cite-suggestion';
import { CLAIM_MIME, readDraggedClaim } from './dragged-claim';
import { insertCitation } from './insert-citation';
import { claimReferenceView } from './claim-reference-view';

interface EditorHooks {
  ticker: () => string | null;
  /** Ctrl+S: a named revision. */
  onSaveRevision: () => void;
}

/** A claim dropped on the text from the claims panel beside it is cited there. */
const ClaimDrop = Extension.create({
  name: 'claimDrop',
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        props: {
          handleDrop(view, event) {
            const claim = readDraggedClaim(event.dataTransfer);
            if (!claim) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
            void insertCitation(editor, claim.highlightId, at);
            return true;
          },
          handleDOMEvents: {
            dragover(_view, event) {
              if (!event.dataTransfer?.types.includes(CLAIM_MIME)) return false;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'copy';
              return false;
            },
          },
        },
      }),
    ];
  },
});

/**
 * The memo editor's extensions: the shared document schema (the same main validates
 * against) with the citation's React view, plus editor-only behaviour.
 */
export function memoEditorExtensions({ ticker, onSaveRevision }: EditorHooks): AnyExtension[] {
  return [
    ...memoExtensions({
      claimReference: ClaimReference.extend({
        addNodeView() {
          return claimReferenceView;
        },
      }),
    }),
    Placeholder.configure({
      placeholder: ({ node }) =>
        node.type.name === 'paragraph' ? 'Write, or type /cite or @ to quote a claim…' : '',
    }),
    CiteSuggestion.configure({ ticker }),
    ClaimDrop,
    Extension.create({
      name: 'memoShortcuts',
      addKeyboardShortcuts() {
        return {
          'Mod-s': () => {
            onSaveRevision();
            return true;
          },
          // The selected citation's source, from the keyboard (a click opens it too).
          'Mod-Enter': () => {
            const { selection } = this.editor.state;
            const cited = selection instanceof NodeSelection ? selection.node : null;
            if (cited?.type.name !== CLAIM_REFERENCE) return false;
            const attrs = cited.attrs as ClaimReferenceAttrs;
            void openClaimInReader(attrs.articleId, attrs.highlightId);
            return true;
          },
        };
      },
    }),
  ];
}
