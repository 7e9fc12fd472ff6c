import type { ArticleSummary } from '../../../../shared/domain/article';
import type { Tag } from '../../../../shared/domain/codebook';
import type { Highlight } from '../../../../shared/domain/highlight';
import { tagPath } from '../../../../shared/domain/tag-path';
import type { SearchDocument } from '../../../../shared/search/search-index';

/** Search ids: one namespace for articles, one for claims, so both live in one index. */
export const articleDocId = (articleId: string) => `a:${articleId}`;
export const claimDocId = (claimId: string) => `c:${claimId}`;

/** An article as the search box finds it: title, text, publisher, tickers and company names. */
export function articleSearchDocument(summary: ArticleSummary, text: string): SearchDocument {
  const names = summary.companies.map((c) => c.name);
  return {
    id: articleDocId(summary.id),
    kind: 'article',
    fields: {
      title: summary.title,
      text,
      source: summary.source ?? '',
      tickers: [...new Set([...summary.tickers, ...names])].join(' '),
    },
  };
}

/** A claim: its words, the analyst's note and paraphrase, its tags' paths, its article's title. */
export function claimSearchDocument(
  highlight: Highlight,
  articleTitle: string,
  codebook: readonly Tag[],
): SearchDocument {
  return {
    id: claimDocId(highlight.id),
    kind: 'claim',
    fields: {
      quote: highlight.selectors.quote.exact,
      note: highlight.note,
      paraphrase: highlight.paraphrase,
      tags: highlight.tags.map((id) => tagPath(codebook, id) ?? '').join(' · '),
      context: articleTitle,
    },
  };
}

/** Names a codebook's paths: when it differs, claims' tag paths must be indexed again. */
export const codebookKey = (codebook: readonly Tag[]) =>
  JSON.stringify(codebook.map((t) => [t.id, t.name, t.parentId]));

/** The claim's searchable content: when it is unchanged, its search document is too. */
export const claimSearchKey = (h: Highlight, articleTitle: string) =>
  JSON.stringify([h.selectors.quote.exact, h.note, h.paraphrase, h.tags, articleTitle]);
