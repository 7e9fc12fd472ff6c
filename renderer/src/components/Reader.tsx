import { Alert, Loader, Text } from '@mantine/core';
import type { Article, ArticleBlock } from '../../../shared/domain/article';
import { formatCalendarDate } from '../lib/format-date';
import { languageName, textDirection } from '../lib/language';
import { useArticlesStore } from '../stores/articles-store';
import { EmptyLibrary } from './EmptyLibrary';

function metadataLine(article: Article): string {
  const source =
    article.source ?? (article.origin.kind === 'sample' ? 'Sample article' : 'Pasted text');
  return [
    source,
    article.author,
    article.publishedAt && formatCalendarDate(article.publishedAt),
    languageName(article.language),
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * One block of the body. The title is the page's h1, so headings start at h2, and a
 * headline that is the title already is not shown twice.
 */
function Block({ block, article }: { block: ArticleBlock; article: Article }) {
  const text = article.text.slice(block.start, block.end);
  if (block.kind === 'paragraph') return <p>{text}</p>;
  if (block.level === 1 && text.replace(/\s+/g, ' ') === article.title) return null;
  const Heading = `h${Math.min(block.level + 1, 6)}` as 'h2';
  return <Heading className="reader-heading">{text}</Heading>;
}

/** The open article, rendered from its block model (never from markup). */
function ArticleView({ article }: { article: Article }) {
  const lang = article.language === 'und' ? undefined : article.language;
  return (
    <article className="reader" lang={lang} dir={textDirection(article.language)}>
      <div className="reader-meta" lang="en" dir="ltr">
        {metadataLine(article)}
      </div>
      <h1 className="reader-title">{article.title}</h1>
      {article.blocks.map((block) => (
        <Block key={block.start} block={block} article={article} />
      ))}
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
