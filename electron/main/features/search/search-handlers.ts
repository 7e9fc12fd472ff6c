import type { Article } from '../../../../shared/domain/article';
import type { SearchResult } from '../../../../shared/domain/search-result';
import { tagPath } from '../../../../shared/domain/tag-path';
import type { SearchHit } from '../../../../shared/search/search-index';
import { makeSnippet } from '../../../../shared/search/make-snippet';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import type { LibraryIndex } from '../library-index/library-index';

/** How much text a result shows around its hit. */
const SNIPPET_CHARS = 180;
/** Which of a claim's fields a snippet prefers to show, when several matched. */
const CLAIM_FIELDS = ['quote', 'paraphrase', 'note', 'tags'] as const;

/**
 * Where the snippet's first mark is in the text. Fix: this used to be the run of letters
 * and digits starting there, which cut a matched "2,5" to "2" and a matched compound
 * ("Medizintechnik-Konzern") to its first part; the mark has the matched word's length.
 */
function firstHitOf(
  snippet: ReturnType<typeof makeSnippet>,
): { start: number; end: number } | null {
  const mark = snippet.marks[0];
  if (snippet.firstHit === null || !mark) return null;
  return { start: snippet.firstHit, end: snippet.firstHit + (mark.end - mark.start) };
}

/**
 * The search box: articles (title, text, publisher, tickers) and claims (quote, note,
 * paraphrase, tags), ranked together, each with a snippet that marks the hit.
 */
export function createSearchHandlers({
  library,
  index,
  articleText,
}: {
  library: Library;
  index: LibraryIndex;
  articleText: (id: string) => Promise<Article>;
}): Pick<ChannelHandlers, 'search:query' | 'search:status'> {
  async function result(hit: SearchHit): Promise<SearchResult | null> {
    if (hit.id.startsWith('a:')) {
      const summary = library.articles.findById(hit.id.slice(2));
      if (!summary) return null;
      const { text } = await articleText(summary.id);
      const inText = makeSnippet(text, hit.terms, { maxChars: SNIPPET_CHARS });
      const snippet =
        inText.firstHit === null && hit.fields.includes('title')
          ? makeSnippet(summary.title, hit.terms, { maxChars: SNIPPET_CHARS })
          : inText;
      return {
        kind: 'article',
        articleId: summary.id,
        articleTitle: summary.title,
        source: summary.source,
        publishedAt: summary.publishedAt,
        language: summary.language,
        score: hit.score,
        snippet: { text: snippet.text, marks: snippet.marks },
        hit: firstHitOf(inText),
      };
    }
    // A claim matched only by its article's title says nothing of its own: the article
    // result stands for it.
    if (hit.fields.every((f) => f === 'context')) return null;
    const id = hit.id.slice(2);
    const row = index.row(id);
    if (!row) return null;
    const field = CLAIM_FIELDS.find((f) => hit.fields.includes(f)) ?? 'quote';
    const tagNames = field === 'tags' ? tagsText(id) : '';
    const source = field === 'tags' ? tagNames : row[field];
    const snippet = makeSnippet(source, hit.terms, { maxChars: SNIPPET_CHARS });
    return {
      kind: 'claim',
      id,
      articleId: row.articleId,
      articleTitle: row.articleTitle,
      source: row.source,
      publishedAt: row.publishedAt,
      language: row.language,
      score: hit.score,
      claimClass: row.claimClass,
      field,
      snippet: { text: snippet.text, marks: snippet.marks },
    };
  }

  /**
   * The claim's tags as the search document has them. Fix: this showed the tags' own names
   * only, while the document holds their paths, so a hit on a parent tag ("Risk" of
   * "Risk › Regulatory") came with a snippet that marked nothing.
   */
  function tagsText(claimId: string): string {
    const claim = index.claim(claimId);
    const codebook = library.codebook.list();
    return (claim?.tags ?? [])
      .map((tagId) => tagPath(codebook, tagId) ?? '')
      .filter(Boolean)
      .join(' · ');
  }

  return {
    'search:query': async ({ query, limit }) => {
      if (query.trim() === '') return { results: [], index: index.status() };
      // Claims matched only by their article's title are dropped below: ask for more, so
      // the hits behind them still fill the page.
      const hits = await index.searchHits(query, limit * 3);
      const results: SearchResult[] = [];
      for (const hit of hits) {
        if (results.length === limit) break;
        const found = await result(hit).catch(() => null);
        if (found) results.push(found);
      }
      return { results, index: index.status() };
    },
    'search:status': async () => index.status(),
  };
}
