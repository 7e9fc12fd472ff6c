import { Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type { ClaimReferenceAttrs } from '../../../../shared/memo/claim-reference';
import { citationSourceLabel } from '../../../../shared/memo/source-label';
import { classLabel } from '../../lib/claim-classes';
import { openClaimInReader } from '../../lib/open-in-reader';
import { useCitationStatesStore } from '../../stores/citation-states-store';

const BROKEN_TEXT = {
  deleted: 'Source link broken: the highlight was deleted. This is the quote as cited.',
  orphaned:
    'Source link broken: these words are no longer found in the article. This is the quote as cited.',
} as const;

/**
 * A citation in the memo: the quote in its class colour and where it is from. It shows the
 * highlight's current words if the analyst edited them; when the highlight is gone or
 * orphaned it keeps its snapshot and says the link is broken. The source opens the reader.
 */
export function ClaimReferenceView({ node, selected }: ReactNodeViewProps) {
  const attrs = node.attrs as ClaimReferenceAttrs;
  const current = useCitationStatesStore((s) => s.byId.get(attrs.highlightId));
  const state = current?.state ?? 'ok';
  const broken = state !== 'ok';
  const quote = !broken && current?.quote ? current.quote : attrs.quote;
  const claimClass = !broken && current?.claimClass ? current.claimClass : attrs.claimClass;
  const paraphrase = (!broken && current?.paraphrase) || attrs.paraphrase;
  const label = citationSourceLabel(attrs);

  const open = () => {
    if (state === 'deleted') {
      notifications.show({
        color: 'yellow',
        message: `The claim “${attrs.quote.slice(0, 60)}…” was deleted from “${attrs.articleTitle ?? 'its article'}”; the memo keeps the quote as cited.`,
      });
      return;
    }
    void openClaimInReader(attrs.articleId, attrs.highlightId);
  };

  return (
    <NodeViewWrapper
      as="span"
      className="claim-ref"
      data-class={claimClass}
      data-state={state}
      data-selected={selected || undefined}
      data-highlight-id={attrs.highlightId}
      data-testid="claim-ref"
      data-drag-handle
    >
      <span className="visually-hidden">{classLabel(claimClass)} claim: </span>
      <Tooltip
        label={paraphrase ? `Paraphrase: ${paraphrase}` : 'No paraphrase'}
        multiline
        w={320}
        openDelay={300}
      >
        <span className="claim-ref-quote">“{quote}”</span>
      </Tooltip>{' '}
      <span
        className="claim-ref-source"
        role="link"
        tabIndex={-1}
        title={broken ? BROKEN_TEXT[state] : `Open “${attrs.articleTitle ?? ''}” at this claim`}
        onClick={(event) => {
          event.preventDefault();
          event.stopPropagation();
          open();
        }}
      >
        ({label})
      </span>
      {broken && (
        <span className="claim-ref-broken" role="note" title={BROKEN_TEXT[state]}>
          {state === 'deleted' ? 'source deleted' : 'source text changed'}
        </span>
      )}
    </NodeViewWrapper>
  );
}
