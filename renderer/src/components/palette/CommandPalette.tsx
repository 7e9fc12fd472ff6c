import { Badge, Group, Kbd, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { useEffect, useMemo, useState } from 'react';
import type { SearchResult } from '../../../../shared/domain/search-result';
import { classLabel } from '../../lib/claim-classes';
import { formatCalendarDate } from '../../lib/format-date';
import { openClaimInReader, openTextInReader } from '../../lib/open-in-reader';
import { requireWorkbench } from '../../lib/require-workbench';
import { shortcutLabel } from '../../lib/shortcut-label';
import { errorMessage } from '../../lib/workbench-client';
import { useArticlesStore } from '../../stores/articles-store';
import { useIndexStatusStore } from '../../stores/index-status-store';
import { MarkedSnippet } from './MarkedSnippet';
import { matchesAction } from './match-action';
import { paletteActions } from './palette-actions';
import { tickerActions } from './ticker-actions';

/** Most actions listed above the search results once the analyst types. */
const ACTIONS_WITH_QUERY = 4;

export const openPalette = () => spotlight.open();

function openResult(result: SearchResult) {
  if (result.kind === 'claim') void openClaimInReader(result.articleId, result.id);
  else if (result.hit) void openTextInReader(result.articleId, result.hit.start, result.hit.end);
  else void useArticlesStore.getState().select(result.articleId);
}

function ResultAction({ result }: { result: SearchResult }) {
  const where = [
    result.articleTitle,
    result.source,
    result.publishedAt && formatCalendarDate(result.publishedAt),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Spotlight.Action onClick={() => openResult(result)} className="palette-result">
      <div className="palette-result-body" data-kind={result.kind}>
        <Group gap={6} wrap="nowrap">
          {result.kind === 'claim' ? (
            <Badge
              size="xs"
              variant="light"
              data-class={result.claimClass}
              className="palette-class"
            >
              {classLabel(result.claimClass)}
              {result.field !== 'quote' && ` · ${result.field}`}
            </Badge>
          ) : (
            <Badge size="xs" variant="default">
              Article
            </Badge>
          )}
          <Text size="xs" c="dimmed" truncate>
            {where}
          </Text>
        </Group>
        <Text size="sm" className="palette-snippet">
          <MarkedSnippet
            text={result.snippet.text}
            marks={result.snippet.marks}
            lang={result.language}
          />
        </Text>
      </div>
    </Spotlight.Action>
  );
}

/**
 * Ctrl+K: one box over article titles and text, claims, notes, paraphrases and tags, and
 * the app's actions. Results come from main's index as the analyst types (the last word
 * as a prefix), ranked, with the hit marked; Enter opens the article at the hit.
 */
export function CommandPalette() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 60);
  const [results, setResults] = useState<SearchResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const index = useIndexStatusStore((s) => s.status);

  useEffect(() => {
    if (debounced.trim() === '') return;
    let current = true;
    requireWorkbench()
      .search.query({ query: debounced, limit: 30 })
      .then((found) => {
        if (!current) return;
        setResults(found.results);
        setError(null);
        useIndexStatusStore.setState({ status: found.index });
        if (found.index.state === 'building') useIndexStatusStore.getState().watch();
      })
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [debounced]);

  const summaries = useArticlesStore((s) => s.summaries);
  const actions = useMemo(() => {
    const matching = paletteActions.filter((a) => a.enabled() && matchesAction(a, query));
    const listed = query.trim() ? matching.slice(0, ACTIONS_WITH_QUERY) : matching;
    return [...tickerActions(summaries, query), ...listed];
  }, [query, summaries]);
  const searching = query.trim() !== '' && debounced !== query;
  // Results of an earlier query are not shown once the box is empty.
  const shown = query.trim() === '' ? [] : results;

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight="60vh"
      size="xl"
      lockScroll={false}
      // An opened result takes the focus (the reader); the palette must not take it back.
      returnFocus={false}
      onSpotlightOpen={() => useIndexStatusStore.getState().watch()}
    >
      <Spotlight.Search
        placeholder="Search articles, claims, notes, tags — or type an action"
        aria-label="Search everything"
      />
      <Spotlight.ActionsList aria-label="Results">
        {actions.length > 0 && (
          <Spotlight.ActionsGroup label="Actions">
            {actions.map((action) => (
              <Spotlight.Action
                key={action.id}
                onClick={action.run}
                label={action.label}
                rightSection={
                  action.shortcut && <Kbd size="xs">{shortcutLabel(action.shortcut)}</Kbd>
                }
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {shown.length > 0 && (
          <Spotlight.ActionsGroup label="Found in the library">
            {shown.map((r) => (
              <ResultAction
                key={r.kind === 'claim' ? `c:${r.id}` : `a:${r.articleId}`}
                result={r}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {query.trim() !== '' && !searching && shown.length === 0 && actions.length === 0 && (
          <Spotlight.Empty>
            {error ?? `Nothing in the library matches “${query.trim()}”.`}
          </Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
      {index?.state === 'building' && (
        <Spotlight.Footer>
          <Text size="xs" c="dimmed">
            Indexing the library: {index.done} of {index.total} articles. Results may be incomplete.
          </Text>
        </Spotlight.Footer>
      )}
    </Spotlight.Root>
  );
}
