import { z } from 'zod';
import { Article, ArticleMetadataUpdate, ArticleSummary } from '../../../shared/domain/article';
import { Tag } from '../../../shared/domain/codebook';
import { WatchlistEntry } from '../../../shared/domain/company';
import { Highlight } from '../../../shared/domain/highlight';
import { RecommendationScale } from '../../../shared/domain/memo';
import { DEFAULT_RECOMMENDATION_SCALE } from '../../../shared/memo/logged-fields';
import { HIGHLIGHT_NOTE_MAX_CHARS } from '../../../shared/domain/highlight-limits';
import { EntityId } from '../../../shared/domain/primitives';
import { CueStat, DismissedSuggestion, LexiconEdits } from '../../../shared/domain/suggestion';
import type { StoreFileSpec } from './store-file-spec';
import { duplicateId } from './duplicate-id';

type Json = Record<string, unknown>;

/**
 * Format 2 (import): summaries gained `url`, `tickers` and `versionOf`, pasted articles
 * say whether they were text or HTML, and articles gained `links` and richer blocks.
 */
function summaryV1toV2(summary: Json): Json {
  const origin = summary.origin as Json | undefined;
  return {
    ...summary,
    url: null,
    tickers: [],
    versionOf: null,
    origin: origin?.kind === 'paste' ? { ...origin, format: 'text' } : origin,
  };
}
/**
 * Format 4 (claims board): summaries gained the companies found in the text (detected
 * again in the background, since the stamp is null) and whether the tickers are the
 * analyst's own: before format 4 only the analyst could set them.
 */
function summaryV3toV4(summary: Json): Json {
  const tickers = Array.isArray(summary.tickers) ? summary.tickers : [];
  return { ...summary, companies: [], companiesStamp: null, tickersByAnalyst: tickers.length > 0 };
}
/** Migrates each summary; anything that is not a list is left for validation to refuse. */
const mapArticles = (data: Json, map: (summary: Json) => Json): unknown =>
  Array.isArray(data.articles) ? (data.articles as Json[]).map(map) : data.articles;

/** `library.json`: settings, the codebook and the article index. Everything large lives in shards. */
export const LibrarySettings = z.object({
  /** Companies the analyst follows beyond the bundled list (format 4). */
  watchlist: z.array(WatchlistEntry).max(500),
  /** The ratings a memo may carry, best first (format 5, memos). */
  recommendationScale: RecommendationScale,
  /** Claim suggestions (format 6): the analyst's lexicon edits and the per-cue counts. */
  suggestions: z.object({
    lexicons: z.object({
      de: LexiconEdits.optional(),
      en: LexiconEdits.optional(),
      fr: LexiconEdits.optional(),
    }),
    cueStats: z.array(CueStat).max(20_000),
  }),
});
export type LibrarySettings = z.infer<typeof LibrarySettings>;

export const LibraryFile = z.object({
  schemaVersion: z.literal(6),
  settings: LibrarySettings,
  /** The analyst's tags (format 3, highlight). */
  codebook: z.array(Tag),
  articles: z.array(ArticleSummary),
});
export type LibraryFile = z.infer<typeof LibraryFile>;

export const libraryFileSpec: StoreFileSpec<LibraryFile> = {
  description: 'the library index',
  currentVersion: 6,
  schema: LibraryFile,
  check: (file) => duplicateId(file.articles, 'article') ?? duplicateId(file.codebook, 'tag'),
  migrations: {
    1: (data) => ({ ...data, articles: mapArticles(data, summaryV1toV2) }),
    2: (data) => ({ ...data, codebook: [] }),
    3: (data) => ({
      ...data,
      settings: { ...(data.settings as Json | undefined), watchlist: [] },
      articles: mapArticles(data, summaryV3toV4),
    }),
    // Format 5 (memos): the recommendation scale, Margin's default until the analyst sets one.
    4: (data) => ({
      ...data,
      settings: {
        ...(data.settings as Json | undefined),
        recommendationScale: [...DEFAULT_RECOMMENDATION_SCALE],
      },
    }),
    // Format 6 (claim suggestions): no lexicon edits and no decisions counted yet.
    5: (data) => ({
      ...data,
      settings: { ...(data.settings as Json | undefined), suggestions: noSuggestionSettings() },
    }),
  },
};

function noSuggestionSettings(): LibrarySettings['suggestions'] {
  return { lexicons: {}, cueStats: [] };
}

export function emptyLibraryFile(): LibraryFile {
  return {
    schemaVersion: 6,
    settings: {
      watchlist: [],
      recommendationScale: [...DEFAULT_RECOMMENDATION_SCALE],
      suggestions: noSuggestionSettings(),
    },
    codebook: [],
    articles: [],
  };
}

/**
 * `articles/<id>/article.json`: written once at import and never rewritten. Metadata the
 * analyst edits later lives in the index, which wins over the copy here.
 */
export const ArticleFile = z.object({ schemaVersion: z.literal(3), article: Article });
export type ArticleFile = z.infer<typeof ArticleFile>;

export const articleFileSpec: StoreFileSpec<ArticleFile> = {
  description: "an article's text",
  currentVersion: 3,
  schema: ArticleFile,
  migrations: {
    1: (data) => {
      const article = (data.article ?? {}) as Json;
      return { ...data, article: { ...summaryV1toV2(article), links: [] } };
    },
    2: (data) => ({ ...data, article: summaryV3toV4((data.article ?? {}) as Json) }),
  },
};

/**
 * `articles/<id>/annotations.json`: the article's highlights, rewritten on each change.
 * Format 2 (highlight): highlights gained `page` and `paraphrase`, and tags became codebook
 * ids. Format 3 (claims board): highlights gained `links`. Format 4 (claim suggestions):
 * the sentences the analyst dismissed as suggestions. Format 1 had no writer in any
 * release; a v1 tag name is kept in the note.
 */
export const AnnotationsFile = z.object({
  schemaVersion: z.literal(4),
  articleId: EntityId,
  highlights: z.array(Highlight),
  dismissedSuggestions: z.array(DismissedSuggestion).max(100_000),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFile>;

function highlightV1toV2(highlight: Json): Json {
  const names = Array.isArray(highlight.tags) ? (highlight.tags as unknown[]).map(String) : [];
  const note = typeof highlight.note === 'string' ? highlight.note : '';
  const keptTags = names.length > 0 ? `Tags (earlier format): ${names.join(', ')}` : '';
  const noteWithTags = [note, keptTags].filter(Boolean).join('\n');
  // Format 1 had no paraphrase: the tag names go there when the note has no room left.
  const fits = noteWithTags.length <= HIGHLIGHT_NOTE_MAX_CHARS;
  return {
    ...highlight,
    page: null,
    tags: [],
    note: fits ? noteWithTags : note,
    paraphrase: fits ? '' : keptTags,
  };
}

export const annotationsFileSpec: StoreFileSpec<AnnotationsFile> = {
  description: "an article's highlights",
  currentVersion: 4,
  schema: AnnotationsFile,
  check: (file) => duplicateId(file.highlights, 'highlight'),
  migrations: {
    1: (data) => ({
      ...data,
      highlights: Array.isArray(data.highlights)
        ? (data.highlights as Json[]).map(highlightV1toV2)
        : [],
    }),
    // Format 3 (claims board): claims gained links to the thesis claims they bear on.
    2: (data) => ({
      ...data,
      highlights: Array.isArray(data.highlights)
        ? (data.highlights as Json[]).map((h) => ({ ...h, links: [] }))
        : [],
    }),
    3: (data) => ({ ...data, dismissedSuggestions: [] }),
  },
};

export function emptyAnnotationsFile(articleId: string): AnnotationsFile {
  return { schemaVersion: 4, articleId, highlights: [], dismissedSuggestions: [] };
}

/**
 * `articles/<id>/details.json`: the analyst's corrections to an article's metadata. The
 * index holds them too; this copy lets a rebuilt index keep them. Format 2 (claims board)
 * records whether the analyst set the tickers, so detection leaves them alone after a
 * rebuild too; before format 2 only the analyst could set tickers.
 */
export const ArticleDetailsFile = z.object({
  schemaVersion: z.literal(2),
  articleId: EntityId,
  details: ArticleMetadataUpdate.omit({ id: true }),
  tickersByAnalyst: z.boolean(),
});
export type ArticleDetailsFile = z.infer<typeof ArticleDetailsFile>;

export const articleDetailsFileSpec: StoreFileSpec<ArticleDetailsFile> = {
  description: "an article's edited details",
  currentVersion: 2,
  schema: ArticleDetailsFile,
  migrations: {
    1: (data) => {
      const details = (data.details ?? {}) as Json;
      const tickers = Array.isArray(details.tickers) ? details.tickers : [];
      return { ...data, tickersByAnalyst: tickers.length > 0 };
    },
  },
};
