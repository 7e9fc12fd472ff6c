import { z } from 'zod';
import { Ticker } from '../domain/article';
import { ClaimClass } from '../domain/highlight';
import { EntityId, IsoDate, LanguageCode } from '../domain/primitives';

/*
 * Queries come from the renderer over IPC: every list and string is bounded so a
 * compromised page cannot make main allocate or scan without limit.
 */
const MAX_TAGS = 200;
const MAX_ARTICLES = 1_000;
const MAX_VALUES = 200;
const MAX_IDS = 2_000;
const SOURCE_MAX_CHARS = 300;
export const CLAIM_QUERY_MAX_LIMIT = 500;

/** Inclusive at both ends; a missing end is open. */
const DateRange = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

/**
 * Which claims to show. Within a facet the values are alternatives (OR), across facets all
 * must hold (AND). An omitted facet or an empty list does not filter.
 */
export const ClaimFilter = z.object({
  classes: z.array(ClaimClass).max(3).optional(),
  /** A claim matches a tag when it carries the tag or any tag below it in the codebook. */
  tagIds: z.array(EntityId).max(MAX_TAGS).optional(),
  articleIds: z.array(EntityId).max(MAX_ARTICLES).optional(),
  /** Exact source names. */
  sources: z.array(z.string().max(SOURCE_MAX_CHARS)).max(MAX_VALUES).optional(),
  /** Compared case-insensitively. */
  tickers: z.array(Ticker).max(MAX_VALUES).optional(),
  languages: z.array(LanguageCode).max(MAX_VALUES).optional(),
  /** The article's publication date; undated articles never match a range. */
  published: DateRange.optional(),
  /** The UTC date of `createdAt`. */
  created: DateRange.optional(),
  /** Whether the claim has a note (whitespace alone is no note). */
  hasNote: z.boolean().optional(),
  orphaned: z.boolean().optional(),
  ids: z.array(EntityId).max(MAX_IDS).optional(),
});
export type ClaimFilter = z.infer<typeof ClaimFilter>;

/**
 * `published-*` and `article` keep an article's claims together in document order; undated
 * articles come last either way. `created-*` order claims by when they were made.
 */
export const ClaimSort = z.enum([
  'published-desc',
  'published-asc',
  'created-desc',
  'created-asc',
  'article',
]);
export type ClaimSort = z.infer<typeof ClaimSort>;

export const ClaimGroupBy = z.enum(['none', 'class', 'ticker', 'article']);
export type ClaimGroupBy = z.infer<typeof ClaimGroupBy>;

/** One page of the board: `offset` and `limit` count rows of the grouped result. */
export const ClaimQuery = z.object({
  filter: ClaimFilter,
  sort: ClaimSort,
  groupBy: ClaimGroupBy,
  offset: z.int().nonnegative(),
  limit: z.int().min(1).max(CLAIM_QUERY_MAX_LIMIT),
});
export type ClaimQuery = z.infer<typeof ClaimQuery>;
