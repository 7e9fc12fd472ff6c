import { z } from 'zod';
import { AnchoredHighlight } from '../../../../shared/domain/highlight';

/** Bumped when the cache's meaning changes (rows, documents): an older cache is rebuilt. */
export const INDEX_CACHE_FORMAT = 2;

/** What was indexed from one article, and from which version of its files. */
export const CachedArticle = z.object({
  summaryKey: z.string(),
  /** The title its claims' search documents were made with (they carry it as context). */
  title: z.string(),
  /** `mtimeMs:size` of its annotations file when read; `none` when it had none. */
  annotationsStamp: z.string(),
  claims: z.array(AnchoredHighlight),
});
export type CachedArticle = z.infer<typeof CachedArticle>;

export const IndexCacheHeader = z.object({
  format: z.literal(INDEX_CACHE_FORMAT),
  /** The codebook the claims' tag paths were indexed with (see codebookKey). */
  codebookKey: z.string(),
  articles: z.record(z.string(), CachedArticle),
});
export type IndexCacheHeader = z.infer<typeof IndexCacheHeader>;
