/** schema.org types that describe an article (as Readability's list, plus a few). */
const ARTICLE_TYPE =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|FinancialNewsArticle)$/;
/** A JSON-LD block larger than this is not metadata worth parsing. */
const MAX_JSON_LENGTH = 1_000_000;

export interface JsonLdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  description?: string;
  inLanguage?: string;
  url?: string;
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, ''));
}

/** Every object in the JSON-LD, top level and inside `@graph`, one level of arrays deep. */
function nodesOf(json: unknown): JsonObject[] {
  const roots = Array.isArray(json) ? json : [json];
  const nodes: JsonObject[] = [];
  for (const root of roots) {
    if (!isObject(root)) continue;
    nodes.push(root);
    const graph = root['@graph'];
    if (Array.isArray(graph)) nodes.push(...graph.filter(isObject));
  }
  return nodes;
}

/**
 * The first article described by the page's JSON-LD scripts: headline, authors, date,
 * publisher, description. Authors and publishers given as `{"@id": …}` references are
 * looked up in the same graph (the Yoast style). Broken JSON is skipped.
 */
export function jsonLdArticle(scripts: readonly string[]): JsonLdArticle | undefined {
  for (const script of scripts) {
    if (script.length > MAX_JSON_LENGTH) continue;
    let json: unknown;
    try {
      json = JSON.parse(script.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const nodes = nodesOf(json);
    const article = nodes.find((node) => typesOf(node).some((t) => ARTICLE_TYPE.test(t)));
    if (!article) continue;
    const byId = new Map<string, JsonObject>();
    for (const node of nodes) {
      const id = asString(node['@id']);
      if (id) byId.set(id, node);
    }
    const nameOf = (value: unknown): string | undefined => {
      if (typeof value === 'string') return asString(value);
      if (!isObject(value)) return undefined;
      const ref = asString(value['@id']);
      const target = value['name'] === undefined && ref ? byId.get(ref) : value;
      return asString(target?.['name']);
    };
    const authorField = article['author'] ?? article['creator'];
    const authors = (Array.isArray(authorField) ? authorField : [authorField])
      .map(nameOf)
      .filter((name): name is string => name !== undefined);
    const language = article['inLanguage'];
    return {
      headline: asString(article['headline']) ?? asString(article['name']),
      authors,
      datePublished: asString(article['datePublished']) ?? asString(article['dateCreated']),
      publisher: nameOf(article['publisher']),
      description: asString(article['description']),
      inLanguage:
        asString(language) ?? (isObject(language) ? asString(language['name']) : undefined),
      url: asString(article['url']),
    };
  }
  return undefined;
}
