import { z } from 'zod';
import {
  ARTICLE_TEXT_MAX_CHARS,
  IMPORT_FILE_MAX_BYTES,
  IMPORT_PDF_MAX_PAGES,
} from './import-limits';
import { DetectedCompany } from './company';
import { ContentHash, EntityId, IsoDate, IsoDateTime, LanguageCode } from './primitives';

/** The file formats Margin imports. `eml` is an e-mail message (broker research). */
export const ImportFormat = z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'eml']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** How an article entered the library. */
export const ArticleOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paste'), format: z.enum(['text', 'html']) }),
  z.object({ kind: z.literal('sample'), sampleId: z.string().min(1) }),
  z.object({ kind: z.literal('file'), format: ImportFormat, fileName: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('url'), format: ImportFormat, requestedUrl: z.string().max(8192) }),
]);
export type ArticleOrigin = z.infer<typeof ArticleOrigin>;

/** Free-text ticker symbols the analyst attaches ("MSFT", "SAP.DE"). */
export const Ticker = z.string().trim().min(1).max(32);

/** What the library list needs: metadata only, kept in `library.json`. */
export const ArticleSummary = z.object({
  id: EntityId,
  title: z.string().min(1),
  source: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  language: LanguageCode,
  /** Where the article lives on the web (canonical URL), when known. */
  url: z.string().max(8192).nullable(),
  tickers: z.array(Ticker).max(50),
  /** The companies named in the text (listed, private, watchlist), most mentioned first. */
  companies: z.array(DetectedCompany).max(100),
  /**
   * Which company list and watchlist found `companies` (see company-detector); null when
   * never detected. A different stamp makes main detect again in the background.
   */
  companiesStamp: z.string().max(200).nullable(),
  /** The analyst set the tickers by hand: detection no longer changes them. */
  tickersByAnalyst: z.boolean(),
  importedAt: IsoDateTime,
  origin: ArticleOrigin,
  contentHash: ContentHash,
  wordCount: z.int().nonnegative(),
  /** Set when the analyst imported the same text again as a new version of this article. */
  versionOf: EntityId.nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** A half-open range `[start, end)` of the canonical text. */
export const TextRange = z.object({ start: z.int().nonnegative(), end: z.int().nonnegative() });
export type TextRange = z.infer<typeof TextRange>;
const range = TextRange.shape;
/** The PDF page a block starts on: the locator for highlights and citations. */
const page = { page: z.int().positive().optional() };

export const TableCell = z.object({ ...range, header: z.boolean() });
export type TableCell = z.infer<typeof TableCell>;
export const TableRow = z.object({ cells: z.array(TableCell).min(1) });
export type TableRow = z.infer<typeof TableRow>;

/**
 * A block of the article's structure, as a range of the canonical text. Highlights
 * anchor against the canonical text, so the body refers into it instead of copying it.
 * Consecutive list items form one list; a line break inside a block is a `\n` in its range.
 */
export const ArticleBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), ...range, ...page }),
  z.object({ kind: z.literal('heading'), level: z.int().min(1).max(6), ...range, ...page }),
  z.object({
    kind: z.literal('listItem'),
    ordered: z.boolean(),
    /** Nesting: 0 for a top-level item. */
    depth: z.int().min(0).max(8),
    ...range,
    ...page,
  }),
  z.object({ kind: z.literal('quote'), ...range, ...page }),
  z.object({ kind: z.literal('preformatted'), ...range, ...page }),
  z.object({ kind: z.literal('table'), rows: z.array(TableRow).min(1), ...range, ...page }),
]);
export type ArticleBlock = z.infer<typeof ArticleBlock>;
export type ArticleBlockKind = ArticleBlock['kind'];

/** A link inside the text. Only http, https and mailto targets are ever stored. */
export const ArticleLink = z.object({ ...range, href: z.string().min(1).max(8192) });
export type ArticleLink = z.infer<typeof ArticleLink>;

function checkRanges(
  ranges: readonly TextRange[],
  textLength: number,
  allowEmpty: boolean,
): number | null {
  let previousEnd = 0;
  for (const [index, r] of ranges.entries()) {
    const tooShort = allowEmpty ? r.end < r.start : r.end <= r.start;
    if (r.start < previousEnd || tooShort || r.end > textLength) return index;
    previousEnd = r.end;
  }
  return null;
}

/** The whole article: metadata, canonical text, its blocks and links. Written once at import. */
export const Article = ArticleSummary.extend({
  text: z.string().min(1),
  blocks: z.array(ArticleBlock).min(1),
  links: z.array(ArticleLink),
}).superRefine((article, ctx) => {
  const bad = checkRanges(article.blocks, article.text.length, false);
  if (bad !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['blocks', bad],
      message: 'blocks must be ordered, non-empty ranges inside the text',
    });
    return;
  }
  for (const [index, block] of article.blocks.entries()) {
    if (block.kind !== 'table') continue;
    const cells = block.rows.flatMap((row) => row.cells);
    const inside = cells.every((c) => c.start >= block.start && c.end <= block.end);
    if (!inside || checkRanges(cells, article.text.length, true) !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['blocks', index],
        message: 'table cells must be ordered ranges inside their table',
      });
      return;
    }
  }
  const badLink = checkRanges(article.links, article.text.length, false);
  if (badLink !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['links', badLink],
      message: 'links must be ordered, non-empty ranges inside the text',
    });
  }
});
export type Article = z.infer<typeof Article>;

export { ARTICLE_TEXT_MAX_CHARS, IMPORT_FILE_MAX_BYTES, IMPORT_PDF_MAX_PAGES };

const OptionalField = (max: number) => z.string().trim().max(max).optional();

/**
 * What the analyst gives when adding an article by paste: the plain text, and the HTML
 * flavour of the clipboard when there was one. Empty optional fields mean "unknown".
 */
export const NewArticleInput = z.object({
  text: z.string().max(ARTICLE_TEXT_MAX_CHARS),
  html: z
    .string()
    .max(4 * ARTICLE_TEXT_MAX_CHARS)
    .optional(),
  title: OptionalField(500),
  source: OptionalField(300),
  author: OptionalField(300),
  publishedAt: z.union([IsoDate, z.literal('')]).optional(),
  /** Import even though the same text is in the library, as a new version of that article. */
  asNewVersionOf: EntityId.optional(),
});
export type NewArticleInput = z.infer<typeof NewArticleInput>;

/** The analyst's corrections to an article's metadata. Null clears a field. */
export const ArticleMetadataUpdate = z.object({
  id: EntityId,
  title: z.string().trim().min(1).max(500),
  source: z.string().trim().max(300).nullable(),
  author: z.string().trim().max(300).nullable(),
  publishedAt: IsoDate.nullable(),
  url: z
    .string()
    .trim()
    .max(8192)
    .regex(/^https?:\/\/[^\s/?#]+/i, 'only http and https addresses')
    .nullable(),
  language: LanguageCode,
  tickers: z.array(Ticker).max(50),
});
export type ArticleMetadataUpdate = z.infer<typeof ArticleMetadataUpdate>;

/** The result of adding an article: `created` is false when the same text was already there. */
export const ArticleAdded = z.object({ article: ArticleSummary, created: z.boolean() });
export type ArticleAdded = z.infer<typeof ArticleAdded>;
