import { Alert, Button, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatInstant } from '../lib/format-date';
import { languageName } from '../lib/language';
import { sourceLabel } from '../lib/source-label';
import { useArticlesStore } from '../stores/articles-store';
import { useUiStore } from '../stores/ui-store';

/** The library: newest first; ↑/↓ move, Enter opens, a click opens. */
export function LibraryList() {
  const summaries = useArticlesStore((s) => s.summaries);
  const listStatus = useArticlesStore((s) => s.listStatus);
  const listError = useArticlesStore((s) => s.listError);
  const selectedId = useArticlesStore((s) => s.selectedId);
  const select = useArticlesStore((s) => s.select);
  // The keyboard cursor; null follows the open article (also when it changes elsewhere).
  const [cursorId, setCursorId] = useState<string | null>(null);
  const [followedId, setFollowedId] = useState(selectedId);
  if (followedId !== selectedId) {
    setFollowedId(selectedId);
    setCursorId(null);
  }
  const listRef = useRef<HTMLUListElement>(null);
  const focusRequest = useUiStore((s) => s.libraryFocusRequest);
  useEffect(() => {
    if (focusRequest > 0) listRef.current?.focus();
  }, [focusRequest]);

  const activeIndex = Math.max(
    0,
    summaries.findIndex((a) => a.id === (cursorId ?? selectedId)),
  );
  const active = summaries[activeIndex];

  useEffect(() => {
    if (!active) return;
    document.getElementById(optionId(active.id))?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const last = summaries.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(activeIndex + 1, last),
      ArrowUp: Math.max(activeIndex - 1, 0),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setCursorId(summaries[moves[event.key]!]?.id ?? null);
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      // Enter reads: the article opens and the focus moves into the reader.
      void select(active.id).then(() => useUiStore.getState().focusReader());
    }
  }

  return (
    <section className="pane" aria-labelledby="library-heading">
      <header className="pane-header">
        <h2 id="library-heading">Library</h2>
        {listStatus === 'ready' && (
          <Text size="xs" c="dimmed">
            {summaries.length === 1 ? '1 article' : `${summaries.length} articles`}
          </Text>
        )}
      </header>
      <div className="pane-body">
        {listStatus === 'loading' && <Loader size="sm" m="md" aria-label="Loading the library" />}
        {listStatus === 'error' && (
          <Alert color="red" m="sm" title="The library could not be listed">
            {listError}
            <Button
              mt="xs"
              size="xs"
              variant="light"
              onClick={() => void useArticlesStore.getState().loadList()}
            >
              Try again
            </Button>
          </Alert>
        )}
        {listStatus === 'ready' && summaries.length === 0 && (
          <Text size="sm" c="dimmed" className="pane-message">
            No articles yet.
          </Text>
        )}
        {summaries.length > 0 && (
          <ul
            ref={listRef}
            className="article-list"
            role="listbox"
            aria-label="Articles"
            tabIndex={0}
            aria-activedescendant={active ? optionId(active.id) : undefined}
            onKeyDown={onKeyDown}
          >
            {summaries.map((article, index) => (
              <li
                key={article.id}
                id={optionId(article.id)}
                role="option"
                className="article-option"
                aria-selected={article.id === selectedId}
                data-active={index === activeIndex}
                onClick={() => {
                  setCursorId(article.id);
                  listRef.current?.focus();
                  void select(article.id);
                }}
              >
                <div className="article-option-title" lang={article.language}>
                  {article.title}
                </div>
                <div className="article-option-meta">
                  {sourceLabel(article)} · {languageName(article.language)} · Added{' '}
                  {formatInstant(article.importedAt)}
                  {article.versionOf && ' · New version'}
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

const optionId = (id: string) => `article-option-${id}`;
