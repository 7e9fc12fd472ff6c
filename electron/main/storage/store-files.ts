import { z } from 'zod';
import { Article, ArticleMetadataUpdate, ArticleSummary } from '../../../shared/domain/article';
import { Highlight } from '../../../shared/domain/highlight';
import { EntityId } from '../../../shared/domain/primitives';
import type { StoreFileSpec } from './store-file-spec';

/** A store file in its first format: nothing to migrate yet. */
const firstVersion = <T extends { schemaVersion: 1 }>(
  description: string,
  schema: z.ZodType<T>,
): StoreFileSpec<T> => ({ description, currentVersion: 1, schema, migrations: {} });

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
const mapArticles = (data: Json, map: (summary: Json) => Json): Json[] =>
  Array.isArray(data.articles) ? (data.articles as Json[]).map(map) : [];

/** `library.json`: settings and the article index. Small; everything large lives in shards. */
export const LibraryFile = z.object({
  schemaVersion: z.literal(2),
  settings: z.object({}),
  articles: z.array(ArticleSummary),
});
export type LibraryFile = z.infer<typeof LibraryFile>;

export const libraryFileSpec: StoreFileSpec<LibraryFile> = {
  description: 'the library index',
  currentVersion: 2,
  schema: LibraryFile,
  migrations: { 1: (data) => ({ ...data, articles: mapArticles(data, summaryV1toV2) }) },
};

export function emptyLibraryFile(): LibraryFile {
  return { schemaVersion: 2, settings: {}, articles: [] };
}

/**
 * `articles/<id>/article.json`: written once at import and never rewritten. Metadata the
 * analyst edits later lives in the index, which wins over the copy here.
 */
export const ArticleFile = z.object({ schemaVersion: z.literal(2), article: Article });
export type ArticleFile = z.infer<typeof ArticleFile>;

export const articleFileSpec: StoreFileSpec<ArticleFile> = {
  description: "an article's text",
  currentVersion: 2,
  schema: ArticleFile,
  migrations: {
    1: (data) => {
      const article = (data.article ?? {}) as Json;
      return { ...data, article: { ...summaryV1toV2(article), links: [] } };
    },
  },
};

/** `articles/<id>/annotations.json`: the article's highlights, rewritten on each change. */
export const AnnotationsFile = z.object({
  schemaVersion: z.literal(1),
  articleId: EntityId,
  highlights: z.array(Highlight),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFile>;

export const annotationsFileSpec = firstVersion("an article's highlights", AnnotationsFile);

export function emptyAnnotationsFile(articleId: string): AnnotationsFile {
  return { schemaVersion: 1, articleId, highlights: [] };
}

/**
 * `articles/<id>/details.json`: the analyst's corrections to an article's metadata. The
 * index holds them too; this copy lets a rebuilt index keep them.
 */
export const ArticleDetailsFile = z.object({
  schemaVersion: z.literal(1),
  articleId: EntityId,
  details: ArticleMetadataUpdate.omit({ id: true }),
});
export type ArticleDetailsFile = z.infer<typeof ArticleDetailsFile>;

export const articleDetailsFileSpec = firstVersion(
  "an article's edited details",
  ArticleDetailsFile,
);
