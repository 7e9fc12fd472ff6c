import { z } from 'zod';
import { Article, ArticleSummary } from '../../../shared/domain/article';
import { Highlight } from '../../../shared/domain/highlight';
import { EntityId } from '../../../shared/domain/primitives';
import type { StoreFileSpec } from './store-file-spec';

/** A store file in its first format: nothing to migrate yet. */
const firstVersion = <T extends { schemaVersion: 1 }>(
  description: string,
  schema: z.ZodType<T>,
): StoreFileSpec<T> => ({ description, currentVersion: 1, schema, migrations: {} });

/** `library.json`: settings and the article index. Small; everything large lives in shards. */
export const LibraryFile = z.object({
  schemaVersion: z.literal(1),
  settings: z.object({}),
  articles: z.array(ArticleSummary),
});
export type LibraryFile = z.infer<typeof LibraryFile>;

export const libraryFileSpec = firstVersion('the library index', LibraryFile);

export function emptyLibraryFile(): LibraryFile {
  return { schemaVersion: 1, settings: {}, articles: [] };
}

/** `articles/<id>/article.json`: written once at import and never rewritten. */
export const ArticleFile = z.object({ schemaVersion: z.literal(1), article: Article });
export type ArticleFile = z.infer<typeof ArticleFile>;

export const articleFileSpec = firstVersion("an article's text", ArticleFile);

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
