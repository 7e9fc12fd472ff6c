import { Badge, Button, Group, Text } from '@mantine/core';
import { useDeleteClaimStore } from '../../stores/delete-claim-store';
import { memo, type KeyboardEvent } from 'react';
import type { AnchoredHighlight } from '../../../../shared/domain/highlight';
import { classLabel } from '../../lib/claim-classes';
import { useArticlesStore } from '../../stores/articles-store';
import { useCodebookStore } from '../../stores/codebook-store';
import { useHighlightsStore } from '../../stores/highlights-store';
import { ClaimRelationsView } from '../relations/ClaimRelationsView';
import { CitedIn } from '../memos/CitedIn';
import { openAddToMemo } from '../memos/add-to-memo';

const QUOTE_PREVIEW_CHARS = 220;
const NO_TICKERS: readonly string[] = [];

function trimmedQuote(exact: string): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW_CHARS ? `${flat.slice(0, QUOTE_PREVIEW_CHARS - 1)}…` : flat;
}

/** One highlight in the side panel: class, quote, tags, note and paraphrase. */
export const HighlightCard = memo(function HighlightCard({
  item,
  selected,
}: {
  item: AnchoredHighlight;
  selected: boolean;
}) {
  const { highlight, anchor } = item;
  const paths = useCodebookStore((s) => s.paths);
  const language = useArticlesStore((s) =>
    s.open.status === 'ready' && s.open.article.language !== 'und'
      ? s.open.article.language
      : undefined,
  );
  const tickers = useArticlesStore((s) =>
    s.open.status === 'ready' ? s.open.article.tickers : NO_TICKERS,
  );
  const store = useHighlightsStore.getState;
  const reattaching = useHighlightsStore((s) => s.reattachingId === highlight.id);
  const orphan = anchor === null;

  const onKeyDown = (event: KeyboardEvent) => {
    // Plain Enter only: a Ctrl+Enter that just saved the editor must not reopen it here.
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (event.key === 'Enter' && plain && event.target === event.currentTarget) {
      event.preventDefault();
      store().edit({ kind: 'highlight', id: highlight.id, focus: 'class' });
    }
  };

  return (
    <div
      id={`highlight-${highlight.id}`}
      className="highlight-card"
      data-class={highlight.claimClass}
      data-orphan={orphan}
      role="option"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      onClick={() => store().select(highlight.id, { reveal: !orphan })}
      onDoubleClick={() => store().edit({ kind: 'highlight', id: highlight.id, focus: 'class' })}
      onKeyDown={onKeyDown}
    >
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text size="xs" fw={600} className="highlight-class">
          <span className="class-swatch" data-class={highlight.claimClass} aria-hidden />{' '}
          {classLabel(highlight.claimClass)}
          {highlight.page !== null && ` · p. ${highlight.page}`}
        </Text>
        {anchor?.method === 'fuzzy' && (
          <Badge size="xs" color="yellow" variant="light" title="The article text changed here">
            approximate match
          </Badge>
        )}
      </Group>
      {/* <q> quotes the way the source's language does: „…“ in German, « … » in French. */}
      <q className="highlight-quote" lang={language}>
        {trimmedQuote(highlight.selectors.quote.exact)}
      </q>
      {highlight.tags.length > 0 && (
        <Group gap={4} mt={2}>
          {highlight.tags.map((id) => (
            <Badge key={id} size="xs" variant="default" tt="none">
              {paths.get(id) ?? 'unknown tag'}
            </Badge>
          ))}
        </Group>
      )}
      {highlight.paraphrase && <div className="highlight-paraphrase">{highlight.paraphrase}</div>}
      {highlight.note && <div className="highlight-note">{highlight.note}</div>}
      <CitedIn claimId={highlight.id} />
      {selected && (
        <Button
          size="compact-xs"
          variant="subtle"
          mt={4}
          onClick={(e) => {
            e.stopPropagation();
            openAddToMemo(highlight, tickers);
          }}
        >
          Add to memo… (M)
        </Button>
      )}
      {selected && !orphan && (
        <ClaimRelationsView
          articleId={highlight.articleId}
          id={highlight.id}
          claimClass={highlight.claimClass}
          updatedAt={highlight.updatedAt}
        />
      )}
      {orphan && (
        <Group gap="xs" mt={4}>
          <Button
            size="compact-xs"
            variant={reattaching ? 'filled' : 'light'}
            onClick={(e) => {
              e.stopPropagation();
              store().startReattach(reattaching ? null : highlight.id);
            }}
          >
            {reattaching ? 'Select the words in the reader…' : 'Re-attach'}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={(e) => {
              e.stopPropagation();
              void useDeleteClaimStore.getState().request(highlight);
            }}
          >
            Delete
          </Button>
        </Group>
      )}
    </div>
  );
});
