import { jsonLdArticle } from './html/json-ld-article';

/** What a page says about itself outside its text, as written (not yet normalised). */
export interface HtmlMetadata {
  title?: string | undefined;
  author?: string | undefined;
  source?: string | undefined;
  /** Candidates for the publication date, best first; the first that parses wins. */
  publishedAt: string[];
  language?: string | undefined;
  canonicalUrl?: string | undefined;
  excerpt?: string | undefined;
}

/**
 * Reads `<meta>` tags (Open Graph, `article:*`, Dublin Core, Highwire `citation_*` as
 * used by journals and research portals), JSON-LD, `<html lang>` and
 * `<link rel=canonical>`. This is the fallback for what Readability does not find; it
 * only reads the document, so it can run before Readability rewrites it.
 */
export function htmlMetadata(doc: Document): HtmlMetadata {
  const meta = new Map<string, string[]>();
  for (const element of Array.from(doc.getElementsByTagName('meta'))) {
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    const keys = [
      element.getAttribute('property'),
      element.getAttribute('name'),
      element.getAttribute('itemprop'),
      element.getAttribute('http-equiv'),
    ];
    for (const key of keys) {
      if (!key) continue;
      for (const name of key.toLowerCase().split(/\s+/)) {
        const values = meta.get(name) ?? [];
        values.push(content);
        meta.set(name, values);
      }
    }
  }
  const first = (...names: string[]) => {
    for (const name of names) {
      const value = meta.get(name)?.[0];
      if (value) return value;
    }
    return undefined;
  };
  const all = (name: string) => meta.get(name) ?? [];

  // getElementsByTagName, not querySelector: jsdom's selector engine costs milliseconds here.
  const scripts = Array.from(doc.getElementsByTagName('script'))
    .filter((script) => script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
    .map((script) => script.textContent ?? '');
  const ld = jsonLdArticle(scripts);
  const citationAuthors = all('citation_author');
  const metaAuthor = first('author', 'dc.creator', 'dcterms.creator', 'parsely-author');
  const articleAuthor = first('article:author');

  return {
    title:
      first('og:title', 'citation_title', 'dc.title', 'twitter:title') ??
      ld?.headline ??
      (doc.title || undefined),
    author:
      (ld && ld.authors.length > 0 ? ld.authors.join(', ') : undefined) ??
      metaAuthor ??
      (citationAuthors.length > 0 ? citationAuthors.join(', ') : undefined) ??
      (articleAuthor && !/^https?:/i.test(articleAuthor) ? articleAuthor : undefined),
    source:
      first('og:site_name') ??
      ld?.publisher ??
      first('citation_journal_title', 'citation_publisher', 'dc.publisher', 'application-name'),
    publishedAt: [
      first('article:published_time'),
      ld?.datePublished,
      first('citation_publication_date', 'citation_date', 'citation_online_date'),
      first('datepublished', 'dc.date', 'dcterms.date', 'date', 'pubdate', 'parsely-pub-date'),
      withAttribute(doc, 'time', 'itemprop', 'datepublished')?.getAttribute('datetime'),
    ].filter((value): value is string => typeof value === 'string' && value !== ''),
    language:
      doc.documentElement.getAttribute('lang') ||
      doc.documentElement.getAttribute('xml:lang') ||
      first('content-language', 'dc.language', 'citation_language', 'og:locale') ||
      ld?.inLanguage,
    canonicalUrl:
      withAttribute(doc, 'link', 'rel', 'canonical')?.getAttribute('href') ??
      first('og:url') ??
      ld?.url,
    excerpt: first('description', 'og:description', 'twitter:description') ?? ld?.description,
  };
}

/** The first `tag` whose space-separated `attribute` holds `token` (case-insensitive). */
function withAttribute(doc: Document, tag: string, attribute: string, token: string) {
  for (const element of Array.from(doc.getElementsByTagName(tag))) {
    const value = element.getAttribute(attribute)?.toLowerCase();
    if (value?.split(/\s+/).includes(token)) return element;
  }
  return undefined;
}
