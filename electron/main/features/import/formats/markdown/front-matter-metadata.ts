import { toHttpUrl } from '../../to-http-url';
import { parse } from 'yaml';
import type { ImportedMetadata } from '../../parsed-document';
import { isoDate } from '../html/iso-date';

/** Front matter is a few lines of metadata; anything bigger is not worth parsing. */
const FRONT_MATTER_MAX_CHARS = 64 * 1024;

type Fields = Record<string, unknown>;

/**
 * Reads the metadata fields that note-taking and web-clipping tools write into YAML front
 * matter. Front matter that is too large, not YAML or not a mapping yields nothing: the
 * body is still worth importing. The `yaml` package only builds plain data (no tags that
 * run code), and its alias limit stops "billion laughs" expansion.
 */
export function frontMatterMetadata(source: string): ImportedMetadata {
  if (source.length > FRONT_MATTER_MAX_CHARS) return {};
  let data: unknown;
  try {
    data = parse(source, { maxAliasCount: 50, prettyErrors: false, uniqueKeys: false });
  } catch {
    return {};
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const fields = lowerCaseKeys(data as Fields);

  // Web clippers put the page address in `source`; a publisher name is plain text.
  const sourceField = plainText(fields['source']);
  const sourceIsUrl = sourceField !== undefined && toHttpUrl(sourceField) !== undefined;

  return dropUndefined({
    title: plainText(fields['title']),
    author: names(fields['author'] ?? fields['authors']),
    source: sourceIsUrl
      ? plainText(fields['publisher'] ?? fields['site'] ?? fields['site_name'])
      : (sourceField ?? plainText(fields['publisher'] ?? fields['site'] ?? fields['site_name'])),
    // `yaml` leaves dates as strings (YAML 1.2 core schema): read them as written.
    publishedAt: isoDate(
      plainText(
        fields['date'] ?? fields['published'] ?? fields['published_at'] ?? fields['publishedat'],
      ),
    ),
    url: toHttpUrl(
      plainText(fields['url'] ?? fields['link'] ?? fields['source_url']) ??
        (sourceIsUrl ? sourceField : undefined),
    ),
    language: languageCode(fields['lang'] ?? fields['language']),
    excerpt: plainText(fields['description'] ?? fields['excerpt'] ?? fields['summary']),
  });
}

function lowerCaseKeys(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) {
    const lower = key.toLowerCase();
    if (!(lower in out)) out[lower] = value;
  }
  return out;
}

function plainText(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** `author: Jane`, `authors: [Jane, Max]`, or entries like `{ name: Jane }`. */
function names(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value];
  const found = list
    .map((entry) =>
      entry !== null && typeof entry === 'object' && !Array.isArray(entry)
        ? plainText((entry as Fields)['name'])
        : plainText(entry),
    )
    .filter((name): name is string => name !== undefined);
  return found.length === 0 ? undefined : found.join(', ');
}

function languageCode(value: unknown): string | undefined {
  const primary = plainText(value)?.split(/[-_]/)[0]?.toLowerCase();
  return primary !== undefined && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function dropUndefined(metadata: ImportedMetadata): ImportedMetadata {
  return Object.fromEntries(
    Object.entries(metadata).filter(([, value]) => value !== undefined),
  ) as ImportedMetadata;
}
