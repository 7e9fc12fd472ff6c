import { toHttpUrl } from '../to-http-url';
import { Readability } from '@mozilla/readability';
import { DocumentBuilder, type BuiltDocument } from '../../../../../shared/text/document-builder';
import { ImportError } from '../import-error';
import type { ImportedMetadata, ParsedDocument } from '../parsed-document';
import { htmlMetadata, type HtmlMetadata } from './html-metadata';
import { htmlFragmentToDocument } from './html-to-document';
import { cleanByline } from './html/clean-byline';
import { domToDocument } from './html/dom-to-document';
import { elementsByTag } from './html/elements-by-tag';
import { flattenDeepNesting } from './html/flatten-deep-nesting';
import { isoDate } from './html/iso-date';
import { primaryLanguage } from './html/primary-language';
import { releaseDocument } from './html/release-document';
import { sanitizeHtml } from './html/sanitize-html';
import { sharedWindow } from './html/shared-window';
import { standfirst } from './html/standfirst';
import { stripHeavyMarkup } from './html/strip-heavy-markup';

export interface ParseHtmlOptions {
  /** Where the page was fetched from: relative links resolve against it. */
  url?: string | undefined;
}

const HAS_WORDS = /[\p{L}\p{N}]/u;

/**
 * Imports a web page or `.html` file: Readability finds the article and its metadata,
 * DOMPurify sanitises it, and the block walker turns it into Margin's model. Pages where
 * Readability finds nothing fall back to the whole sanitised body; a page without any
 * text is refused with NO_TEXT.
 *
 * The page is parsed by the shared jsdom window's DOMParser: an inert document (scripts
 * never run, nothing is fetched) without the cost of a new window per page.
 */
export async function parseHtml(
  html: string,
  options: ParseHtmlOptions = {},
): Promise<ParsedDocument> {
  // Scripts and styles go first: their text may look like tags to the nesting count.
  const page = flattenDeepNesting(stripHeavyMarkup(html));
  const doc = new (sharedWindow().window.DOMParser)().parseFromString(page, 'text/html');
  let found: ReturnType<typeof readArticle>;
  try {
    found = readArticle(doc, options.url);
  } finally {
    releaseDocument(doc);
  }
  const metadata = { ...found.metadata };
  let body = found.body;
  if (body === null) {
    // Rare path: re-parse the page rather than clone every page up front.
    const { metadata: titleOnly, ...whole } = htmlFragmentToDocument(page, {
      baseUrl: found.baseUrl,
    });
    metadata.title ??= titleOnly.title;
    body = whole;
  }
  if (!HAS_WORDS.test(body.text)) {
    throw new ImportError('NO_TEXT', 'the page has no article text Margin could find');
  }
  return { ...body, metadata };
}

/**
 * The article as Readability finds it (body null when it finds none with any words), the
 * page's metadata, and the address its relative links resolve against.
 */
function readArticle(
  doc: Document,
  fetchedUrl: string | undefined,
): { body: BuiltDocument | null; metadata: ImportedMetadata; baseUrl: string | undefined } {
  // A page's <base> would redirect every relative link: links resolve against `url` only.
  for (const base of Array.from(doc.getElementsByTagName('base'))) base.remove();
  // Read before Readability, which rewrites the document as it goes (so no clone is needed).
  const fallback = htmlMetadata(doc);
  const pageText = fallback.excerpt === undefined ? '' : bodyText(doc);
  const url = articleUrl(fetchedUrl, fallback.canonicalUrl);
  // A saved page without its address still names it in its canonical link.
  const baseUrl = toHttpUrl(fetchedUrl) ?? url;

  let article: ReturnType<Readability<Element>['parse']> = null;
  try {
    const reader = new Readability<Element>(doc, { serializer: (node) => node as Element });
    // Readability's private helpers, replaced where they only cost time here (measured on
    // the news corpus: the same articles, imports about a sixth faster in all).
    Object.assign(reader, {
      // Runs jsdom's slow selector engine; this tree walk returns the same elements in the
      // same order.
      _getAllNodesWithTag: elementsByTag,
      // Copies lazy-loading `data-src` into `src`, parsing URLs: Margin never loads images.
      _fixLazyImages: () => undefined,
      // Resolves links against the document's address, which is `about:blank` for a parsed
      // string, so every attempt throws; the block walker resolves links against `url`.
      _fixRelativeUris: () => undefined,
    });
    article = reader.parse();
  } catch {
    // Readability gives up on some malformed pages; the caller falls back to the body.
  }
  const metadata = metadataOf(article, fallback, url);
  if (!article?.content) return { body: null, metadata, baseUrl };

  const builder = new DocumentBuilder();
  const lead = standfirst([article.excerpt, fallback.excerpt], pageText, article.textContent ?? '');
  if (lead !== undefined) builder.paragraph([{ text: lead }]);
  let sanitized: Node;
  try {
    sanitized = sanitizeHtml(article.content).root;
  } catch {
    // DOMPurify refuses to clean some trees in place (a clobbered root): the caller then
    // sanitises the page from its markup instead.
    return { body: null, metadata, baseUrl };
  }
  const body = domToDocument(sanitized, baseUrl, builder);
  return { body: HAS_WORDS.test(body.text) ? body : null, metadata, baseUrl };
}

function metadataOf(
  article: {
    title?: string | null;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    lang?: string | null;
    excerpt?: string | null;
  } | null,
  fallback: HtmlMetadata,
  url: string | undefined,
): ImportedMetadata {
  const metadata: ImportedMetadata = {
    title: text(article?.title) ?? text(fallback.title),
    author: cleanByline(article?.byline) ?? cleanByline(fallback.author),
    source: text(article?.siteName) ?? text(fallback.source),
    publishedAt: [article?.publishedTime, ...fallback.publishedAt].map(isoDate).find(Boolean),
    language: primaryLanguage(article?.lang) ?? primaryLanguage(fallback.language),
    url,
    excerpt: text(article?.excerpt) ?? text(fallback.excerpt),
  };
  return Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => value !== undefined),
  ) as ImportedMetadata;
}

/** The body's text without the JSON-LD scripts left in it (they repeat the description). */
function bodyText(doc: Document): string {
  let text = doc.body?.textContent ?? '';
  for (const script of Array.from(doc.body?.getElementsByTagName('script') ?? [])) {
    text = text.replace(script.textContent ?? '', ' ');
  }
  return text;
}

function text(value: string | null | undefined): string | undefined {
  const collapsed = value?.replace(/\s+/g, ' ').trim();
  return collapsed || undefined;
}

/**
 * The article's address: its canonical URL when that is on the same site as the fetched
 * address (sites drop tracking parameters there; a canonical on another host is more
 * often a mistake or a trick), else the fetched address.
 */
function articleUrl(
  fetched: string | undefined,
  canonical: string | undefined,
): string | undefined {
  const from = toHttpUrl(fetched);
  const declared = toHttpUrl(canonical, from);
  if (!from) return declared;
  if (!declared) return from;
  const host = (u: string) => new URL(u).hostname.replace(/^www\./, '');
  return host(from) === host(declared) ? declared : from;
}
