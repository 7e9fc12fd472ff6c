import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Article } from '../../../shared/domain/article';
import { safeLinkHref } from '../../../shared/text/safe-link-href';
import { formatCalendarDate } from '../lib/format-date';
import { languageName, textDirection } from '../lib/language';
import { sourceLabel } from '../lib/source-label';
import { useArticlesStore } from '../stores/articles-store';
import { useClaimsBoardStore } from '../stores/claims-board-store';
import { useExportStore } from '../stores/export-store';
import { useSuggestionsStore } from '../stores/suggestions-store';
import { classLabel } from '../lib/claim-classes';
import { useUiStore } from '../stores/ui-store';
import { EmptyLibrary } from './EmptyLibrary';
import { ArticleBody } from './reader/ArticleBody';
import { HighlightToolbar } from './reader/HighlightToolbar';
import { SelectionToolbar } from './reader/SelectionToolbar';
import { SuggestBar, reasonsText } from './reader/SuggestBar';
import { useSuggestionHover } from './reader/use-suggestion-hover';
import { useSuggestionPainting } from './reader/use-suggestion-painting';
import { useHighlightPainting } from './reader/use-highlight-painting';
import { useReaderInteraction } from './reader/use-reader-interaction';
import { useTextReveal } from './reader/use-text-reveal';

function metadataLine(article: Article): string {
  const source = sourceLabel(article);
  return [
    source,
    article.author !== source && article.author,
    article.publishedAt && formatCalendarDate(article.publishedAt),
    languageName(article.language),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Shows the board's claims on this ticker. */
function showTickerClaims(ticker: string) {
  useClaimsBoardStore.getState().replaceFilter({ tickers: [ticker] });
  useUiStore.getState().setView('claims');
}

/** The article's tickers; each opens the claims board filtered to it. */
function TickerLinks({ tickers }: { tickers: readonly string[] }) {
  if (tickers.length === 0) return null;
  return (
    <>
      {' · '}
      {tickers.map((ticker, i) => (
        <span key={ticker}>
          {i > 0 && ', '}
          <button
            type="button"
            className="ticker-link"
            title={`Claims on ${ticker} (claims board)`}
            onClick={() => showTickerClaims(ticker)}
          >
            {ticker}
          </button>
        </span>
      ))}
    </>
  );
}

/** The open article, rendered from its block model (never from markup). */
function ArticleView({ article }: { article: Article }) {
  const lang = article.language === 'und' ? undefined : article.language;
  const openDetails = useUiStore((s) => s.openArticleDetails);
  const url = article.url ? safeLinkHref(article.url) : null;
  const rootRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const getIndex = useHighlightPainting(article, bodyRef);
  const { toolbar, caret, closeToolbar } = useReaderInteraction(article, rootRef, getIndex);
  useTextReveal(article.id, getIndex);
  useSuggestionPainting(article.id, getIndex);
  const tip = useSuggestionHover(article.id, rootRef, getIndex);
  const suggesting = useSuggestionsStore((s) => s.articleId === article.id);
  const focusRequest = useUiStore((s) => s.readerFocusRequest);
  const handledFocusRequest = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === handledFocusRequest.current) return;
    handledFocusRequest.current = focusRequest;
    rootRef.current?.focus();
  }, [focusRequest]);
  return (
    <article
      ref={rootRef}
      className="reader"
      lang={lang}
      dir={textDirection(article.language)}
      tabIndex={0}
      aria-label={`Article: ${article.title}. Arrow keys move a caret, Shift extends the selection, 1, 2 or 3 highlight it; S suggests claims.`}
    >
      <SuggestBar articleId={article.id} />
      <Group className="reader-meta" lang="en" dir="ltr" justify="space-between" wrap="nowrap">
        <span>
          {metadataLine(article)}
          <TickerLinks tickers={article.tickers} />
        </span>
        <Group gap={4} wrap="nowrap">
          {url && (
            <Button
              component="a"
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              size="compact-xs"
              variant="subtle"
            >
              Original
            </Button>
          )}
          <Button
            size="compact-xs"
            variant={suggesting ? 'light' : 'subtle'}
            title="Suggest claims in this article, on this computer (S)"
            aria-pressed={suggesting}
            onClick={() => void useSuggestionsStore.getState().toggle(article.id)}
          >
            Suggest claims
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={openDetails}>
            Edit details
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() =>
              useExportStore.getState().open({ kind: 'article', articleId: article.id })
            }
          >
            Export…
          </Button>
        </Group>
      </Group>
      <h1 className="reader-title">{article.title}</h1>
      <div ref={bodyRef} className="reader-body">
        <ArticleBody article={article} />
      </div>
      {toolbar ? (
        <SelectionToolbar articleId={article.id} place={toolbar} onDone={closeToolbar} />
      ) : (
        <HighlightToolbar rootRef={rootRef} getIndex={getIndex} />
      )}
      {tip && (
        <div className="suggest-tooltip" role="tooltip" style={{ top: tip.top, left: tip.left }}>
          Suggested {classLabel(tip.suggestion.claimClass).toLowerCase()} (
          {Math.round(tip.suggestion.confidence * 100)} %): {reasonsText(tip.suggestion)}
        </div>
      )}
      {caret && (
        <div
          className="reader-caret"
          aria-hidden
          style={{ top: caret.top, left: caret.left, height: caret.height }}
        />
      )}
    </article>
  );
}

export function Reader() {
  const open = useArticlesStore((s) => s.open);
  const libraryEmpty = useArticlesStore(
    (s) => s.listStatus === 'ready' && s.summaries.length === 0,
  );

  return (
    <main className="pane" aria-label="Reader">
      <div className="pane-body">
        {open.status === 'none' &&
          (libraryEmpty ? (
            <EmptyLibrary />
          ) : (
            <Text c="dimmed" className="empty-state">
              Choose an article in the library to read it.
            </Text>
          ))}
        {open.status === 'loading' && <Loader m="xl" aria-label="Opening the article" />}
        {open.status === 'error' && (
          <Alert color="red" m="lg" title="This article cannot be opened">
            {open.message}
          </Alert>
        )}
        {open.status === 'ready' && <ArticleView article={open.article} />}
      </div>
    </main>
  );
}
