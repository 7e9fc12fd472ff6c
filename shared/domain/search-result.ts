import { z } from 'zod';
import { ClaimClass } from './highlight';
import { EntityId, IsoDate } from './primitives';

/** What the search box sends: the words as typed. The last word matches as a prefix. */
export const SearchRequest = z.object({
  query: z.string().max(200),
  limit: z.int().min(1).max(50).default(20),
});
export type SearchRequest = z.input<typeof SearchRequest>;

/** A stretch of text around the hit, with the matched words marked (offsets into `text`). */
export const Snippet = z.object({
  text: z.string(),
  marks: z.array(z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() })),
});
export type Snippet = z.infer<typeof Snippet>;

const ResultArticle = {
  articleId: EntityId,
  articleTitle: z.string(),
  source: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  language: z.string(),
  score: z.number(),
  snippet: Snippet,
};

/** One hit: an article (its title or text matched) or a claim (quote, note, paraphrase, tags). */
export const SearchResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('article'),
    ...ResultArticle,
    /** The first marked hit of the snippet, in the article's text: opening it scrolls there. */
    hit: z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() }).nullable(),
  }),
  z.object({
    kind: z.literal('claim'),
    ...ResultArticle,
    id: EntityId,
    claimClass: ClaimClass,
    /** Which of the claim's fields the snippet shows. */
    field: z.enum(['quote', 'note', 'paraphrase', 'tags']),
  }),
]);
export type SearchResult = z.infer<typeof SearchResult>;

/**
 * Whether the index is complete. While it is being built (first start, or its cache was
 * missing or stale) search still answers from what is indexed so far.
 */
export const IndexStatus = z.object({
  state: z.enum(['building', 'ready']),
  /** Articles indexed so far in this build, and how many the build covers. */
  done: z.int().nonnegative(),
  total: z.int().nonnegative(),
});
export type IndexStatus = z.infer<typeof IndexStatus>;

export const SearchResults = z.object({ results: z.array(SearchResult), index: IndexStatus });
export type SearchResults = z.infer<typeof SearchResults>;
