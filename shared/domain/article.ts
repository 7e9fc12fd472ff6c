import { z } from 'zod';
import { ContentHash, EntityId, IsoDate, IsoDateTime, LanguageCode } from './primitives';

/** How an article entered the library. Later import paths (files, URLs, email) add kinds. */
export const ArticleOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paste') }),
  z.object({ kind: z.literal('sample'), sampleId: z.string().min(1) }),
]);
export type ArticleOrigin = z.infer<typeof ArticleOrigin>;

/** What the library list needs: metadata only, kept in `library.json`. */
export const ArticleSummary = z.object({
  id: EntityId,
  title: z.string().min(1),
  source: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  language: LanguageCode,
  importedAt: IsoDateTime,
  origin: ArticleOrigin,
  contentHash: ContentHash,
  wordCount: z.int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/**
 * A block of the article's structure, as a range of the canonical text. Highlights
 * anchor against the canonical text, so the body refers into it instead of copying it.
 */
const TextRange = { start: z.int().nonnegative(), end: z.int().nonnegative() };
export const ArticleBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), ...TextRange }),
  z.object({ kind: z.literal('heading'), level: z.int().min(1).max(6), ...TextRange }),
]);
export type ArticleBlock = z.infer<typeof ArticleBlock>;

/** The whole article: metadata, canonical text and its blocks. Written once at import. */
export const Article = ArticleSummary.extend({
  text: z.string().min(1),
  blocks: z.array(ArticleBlock).min(1),
}).superRefine((article, ctx) => {
  let previousEnd = 0;
  for (const [index, block] of article.blocks.entries()) {
    if (block.start < previousEnd || block.end <= block.start || block.end > article.text.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['blocks', index],
        message: 'blocks must be ordered, non-empty ranges inside the text',
      });
      return;
    }
    previousEnd = block.end;
  }
});
export type Article = z.infer<typeof Article>;

/** Limits that keep one paste from exhausting memory in main. */
export const ARTICLE_TEXT_MAX_CHARS = 5_000_000;
const OptionalField = (max: number) => z.string().trim().max(max).optional();

/** What the analyst gives when adding an article by paste. Empty optional fields mean "unknown". */
export const NewArticleInput = z.object({
  text: z.string().max(ARTICLE_TEXT_MAX_CHARS),
  title: OptionalField(500),
  source: OptionalField(300),
  author: OptionalField(300),
  publishedAt: z.union([IsoDate, z.literal('')]).optional(),
});
export type NewArticleInput = z.infer<typeof NewArticleInput>;

/** The result of adding an article: `created` is false when the same text was already there. */
export const ArticleAdded = z.object({ article: ArticleSummary, created: z.boolean() });
export type ArticleAdded = z.infer<typeof ArticleAdded>;
