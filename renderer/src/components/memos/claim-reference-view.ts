import { notifications } from '@mantine/notifications';
import type { NodeViewRendererProps } from '@tiptap/core';
import type { NodeView } from '@tiptap/pm/view';
import type { CitationState } from '../../../../shared/domain/memo';
import type { ClaimReferenceAttrs } from '../../../../shared/memo/claim-reference';
import { citationSourceLabel } from '../../../../shared/memo/source-label';
import { classLabel } from '../../lib/claim-classes';
import { openClaimInReader } from '../../lib/open-in-reader';
import { useCitationStatesStore } from '../../stores/citation-states-store';

const BROKEN = {
  deleted: {
    badge: 'source deleted',
    title: 'Source link broken: the highlight was deleted. This is the quote as cited.',
  },
  orphaned: {
    badge: 'source text changed',
    title:
      'Source link broken: these words are no longer found in the article. This is the quote as cited.',
  },
} as const;

function span(className: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  return element;
}

/** What the citation shows: the claim as it is now, or its snapshot when the link is broken. */
function shown(attrs: ClaimReferenceAttrs, current: CitationState | undefined) {
  const state = current?.state ?? 'ok';
  const live = state === 'ok' ? current : undefined;
  return {
    state,
    quote: live?.quote ?? attrs.quote,
    claimClass: live?.claimClass ?? attrs.claimClass,
    paraphrase: live?.paraphrase || attrs.paraphrase,
  };
}

/**
 * A citation in the memo: the quote in its class colour, then where it is from; the
 * paraphrase shows on hover, and clicking the source opens the article at the highlight.
 * An edited highlight shows its current words; a deleted or orphaned one keeps the snapshot
 * and says the link is broken.
 *
 * Plain DOM rather than a React node view: a memo holds hundreds of citations, and each
 * React view is a portal with its own render on every change (measured in bench/memo-bench).
 */
export function claimReferenceView({ node }: NodeViewRendererProps): NodeView {
  let attrs = node.attrs as ClaimReferenceAttrs;
  const dom = span('claim-ref');
  dom.setAttribute('data-testid', 'claim-ref');
  const label = span('visually-hidden');
  const quote = span('claim-ref-quote');
  const source = span('claim-ref-source');
  source.setAttribute('role', 'link');
  const broken = span('claim-ref-broken');
  broken.setAttribute('role', 'note');
  dom.append(label, quote, ' ', source);

  const render = () => {
    const view = shown(attrs, useCitationStatesStore.getState().byId.get(attrs.highlightId));
    dom.dataset.class = view.claimClass;
    dom.dataset.state = view.state;
    dom.dataset.highlightId = attrs.highlightId;
    label.textContent = `${classLabel(view.claimClass)} claim: `;
    quote.textContent = `“${view.quote}”`;
    quote.title = view.paraphrase ? `Paraphrase: ${view.paraphrase}` : 'No paraphrase';
    source.textContent = `(${citationSourceLabel(attrs)})`;
    if (view.state === 'ok') {
      source.title = `Open “${attrs.articleTitle ?? 'the article'}” at this claim`;
      broken.remove();
    } else {
      source.title = BROKEN[view.state].title;
      broken.textContent = BROKEN[view.state].badge;
      broken.title = BROKEN[view.state].title;
      dom.append(broken);
    }
  };

  const open = (event: MouseEvent) => {
    event.preventDefault();
    const state = useCitationStatesStore.getState().byId.get(attrs.highlightId)?.state;
    if (state === 'deleted') {
      notifications.show({
        color: 'yellow',
        message: `That claim was deleted from “${attrs.articleTitle ?? 'its article'}”; the memo keeps the quote as cited.`,
      });
      return;
    }
    void openClaimInReader(attrs.articleId, attrs.highlightId);
  };
  source.addEventListener('click', open);

  const unsubscribe = useCitationStatesStore.subscribe((next, before) => {
    if (next.byId.get(attrs.highlightId) !== before.byId.get(attrs.highlightId)) render();
  });
  render();

  return {
    dom,
    update(next) {
      if (next.type !== node.type) return false;
      attrs = next.attrs as ClaimReferenceAttrs;
      render();
      return true;
    },
    selectNode: () => dom.setAttribute('data-selected', 'true'),
    deselectNode: () => dom.removeAttribute('data-selected'),
    // The source is a link: its click is ours, not the editor's (which would select the node).
    stopEvent: (event) => event.type === 'click' && source.contains(event.target as Node),
    // The view owns its DOM; nothing the editor reads comes from it.
    ignoreMutation: () => true,
    destroy: () => {
      unsubscribe();
      source.removeEventListener('click', open);
    },
  };
}
