import { randomUUID } from 'node:crypto';
import {
  Article,
  ARTICLE_TEXT_MAX_CHARS,
  type ArticleOrigin,
} from '../../../../shared/domain/article';
import { LanguageCode } from '../../../../shared/domain/primitives';
import { countWords } from '../../../../shared/text/count-words';
import { inferTitle } from '../../../../shared/text/infer-title';
import { AppError } from '../../errors/app-error';
import { ImportError } from '../import/import-error';
import { textTooLong } from '../import/text-too-long';
import { toHttpUrl } from '../import/to-http-url';
import type { ParsedDocument } from '../import/parsed-document';
import { companyDetector, type CompanyDetector } from '../companies/company-detector';
import { contentHash } from './content-hash';
import { detectLanguage } from './detect-language';

/** Metadata the analyst typed; it wins over what the source says. */
export interface GivenMetadata {
  title?: string | undefined;
  source?: string | undefined;
  author?: string | undefined;
  publishedAt?: string | undefined;
}

export interface ArticleDraft {
  document: ParsedDocument;
  origin: ArticleOrigin;
  given?: GivenMetadata | undefined;
  /** The article this one is a new version of (same text, imported again on purpose). */
  versionOf?: string | null | undefined;
  /** Where the source was fetched from; the page's own canonical URL wins. */
  fetchedFrom?: string | undefined;
  /** Finds the companies the text names (the bundled list plus the analyst's watchlist). */
  detector?: CompanyDetector | undefined;
}

const MAX = { title: 500, source: 300, author: 300 } as const;

/** One line of plain text, or null: metadata fields never carry line breaks or runs of spaces. */
function cleanField(value: string | undefined, max: number): string | null {
  const clean = value?.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

const IsoDateOnly = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string | undefined) =>
  value && IsoDateOnly.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;

/** An http(s) URL short enough to store, or null. */
const storableUrl = (value: string | undefined) => {
  const url = toHttpUrl(value);
  return url && url.length <= 8192 ? url : null;
};

/**
 * Turns a parsed document and what the analyst told us into a complete, valid article:
 * metadata cleaned, language (declared by the source, else detected), a title (inferred
 * when neither the analyst nor the source gave one), hash and word count.
 */
export async function buildArticle(draft: ArticleDraft, importedAt: Date): Promise<Article> {
  const { document, given = {} } = draft;
  const { text, metadata } = document;
  if (text.trim() === '') throw new ImportError('NO_TEXT', 'there is no text in it');
  if (text.length > ARTICLE_TEXT_MAX_CHARS) throw textTooLong(text.length);
  const declared = metadata.language?.toLowerCase().split(/[-_]/)[0];
  const language =
    declared && declared !== 'und' && LanguageCode.safeParse(declared).success
      ? declared
      : await detectLanguage(text);
  const detector = draft.detector ?? companyDetector([]);
  const { companies, tickers } = detector.detect(text);
  const article = Article.safeParse({
    id: randomUUID(),
    title:
      cleanField(given.title, MAX.title) ??
      cleanField(metadata.title, MAX.title) ??
      inferTitle(text),
    source: cleanField(given.source, MAX.source) ?? cleanField(metadata.source, MAX.source),
    author: cleanField(given.author, MAX.author) ?? cleanField(metadata.author, MAX.author),
    publishedAt: validDate(given.publishedAt) ?? validDate(metadata.publishedAt),
    language,
    url: storableUrl(metadata.url) ?? storableUrl(draft.fetchedFrom),
    tickers,
    companies,
    companiesStamp: detector.stamp,
    tickersByAnalyst: false,
    importedAt: importedAt.toISOString(),
    origin: draft.origin,
    contentHash: contentHash(text),
    wordCount: countWords(text, language),
    versionOf: draft.versionOf ?? null,
    text,
    blocks: document.blocks,
    links: document.links,
  });
  if (!article.success) {
    // The parsers build through DocumentBuilder, so this is a bug in Margin, not bad input.
    throw new AppError('INTERNAL', 'Margin built an invalid article from this source.', {
      cause: article.error,
    });
  }
  return article.data;
}
