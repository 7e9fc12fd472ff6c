import { memo, type ReactNode } from 'react';
import type { Article, ArticleBlock } from '../../../../shared/domain/article';
import { safeLinkHref } from '../../../../shared/text/safe-link-href';
import { groupBlocks, type ListNode } from '../../lib/group-blocks';
import { textRuns } from '../../lib/text-runs';

interface BodyProps {
  article: Article;
}

/**
 * A range of the canonical text with its links; line breaks inside a block stay visible.
 * Each run carries its offset (`data-at`) so selections and highlights map to the text.
 */
function Text({ article, start, end }: BodyProps & { start: number; end: number }) {
  return (
    <>
      {textRuns(start, end, article.links).map((run) => {
        const text = article.text.slice(run.start, run.end);
        // Checked again here: the page never trusts stored data to be what main wrote.
        const href = run.href === null ? null : safeLinkHref(run.href);
        return href ? (
          <a
            key={run.start}
            data-at={run.start}
            href={href}
            target="_blank"
            rel="noopener noreferrer"
          >
            {text}
          </a>
        ) : (
          <span key={run.start} data-at={run.start}>
            {text}
          </span>
        );
      })}
    </>
  );
}

function List({ list, article }: BodyProps & { list: ListNode }) {
  const Tag = list.ordered ? 'ol' : 'ul';
  return (
    <Tag className="reader-list">
      {list.items.map(({ block, children }) => (
        <li key={`${block.start}-${children.length}`}>
          <Text article={article} start={block.start} end={block.end} />
          {children.map((child, index) => (
            <List key={index} list={child} article={article} />
          ))}
        </li>
      ))}
    </Tag>
  );
}

/** The page a block starts on, shown in the margin where a new page begins (PDF imports). */
function PageMarker({ page }: { page: number }) {
  return (
    <span className="reader-page" aria-label={`Page ${page}`}>
      p. {page}
    </span>
  );
}

function Single({ block, article }: BodyProps & { block: ArticleBlock }) {
  const text = <Text article={article} start={block.start} end={block.end} />;
  switch (block.kind) {
    case 'heading': {
      const plain = article.text.slice(block.start, block.end).replace(/\s+/g, ' ');
      // The title is the page's h1; a leading headline repeating it is not shown twice.
      if (block.level === 1 && plain === article.title) return null;
      const Heading = `h${Math.min(block.level + 1, 6)}` as 'h2';
      return <Heading className="reader-heading">{text}</Heading>;
    }
    case 'preformatted':
      return <pre className="reader-pre">{text}</pre>;
    case 'table':
      return (
        <div className="reader-table-wrap">
          <table className="reader-table">
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.cells.map((cell, c) => {
                    const Cell = cell.header ? 'th' : 'td';
                    return (
                      <Cell key={c}>
                        <Text article={article} start={cell.start} end={cell.end} />
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    default:
      return <p>{text}</p>;
  }
}

/**
 * The article body, rendered from its block model with React: never from markup. Memoised:
 * the reader re-renders on every selection change and caret move, the article does not.
 */
export const ArticleBody = memo(function ArticleBody({ article }: BodyProps) {
  let lastPage: number | undefined;
  const nodes: ReactNode[] = [];
  for (const group of groupBlocks(article.blocks)) {
    const first =
      group.kind === 'single'
        ? group.block
        : group.kind === 'quote'
          ? group.blocks[0]!
          : group.list.items[0]!.block;
    if (first.page !== undefined && first.page !== lastPage) {
      lastPage = first.page;
      nodes.push(<PageMarker key={`page-${first.page}`} page={first.page} />);
    }
    if (group.kind === 'list') {
      nodes.push(<List key={group.key} list={group.list} article={article} />);
    } else if (group.kind === 'quote') {
      nodes.push(
        <blockquote key={group.key} className="reader-quote">
          {group.blocks.map((block) => (
            <p key={block.start}>
              <Text article={article} start={block.start} end={block.end} />
            </p>
          ))}
        </blockquote>,
      );
    } else {
      nodes.push(<Single key={group.block.start} block={group.block} article={article} />);
    }
  }
  return <>{nodes}</>;
});
