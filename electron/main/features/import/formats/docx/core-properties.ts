import type { ImportedMetadata } from '../../parsed-document';

/** Names Word and generators put in `dc:creator` when nobody set one. */
const PLACEHOLDER_AUTHORS = new Set([
  'administrator',
  'author',
  'microsoft office user',
  'un-named',
  'unknown',
  'user',
  'windows user',
]);

/**
 * Metadata from `docProps/core.xml` (OPC core properties): title, author, created date,
 * language. The part is a few hundred bytes of flat XML, so elements are matched by local
 * name (whatever prefix the generator bound) and entities decoded by hand; nothing here
 * resolves DTDs or external entities.
 */
export function coreProperties(part: Uint8Array): ImportedMetadata {
  const xml = decodeXml(part);
  const title = element(xml, 'title');
  const author = element(xml, 'creator');
  const created = element(xml, 'created');
  const language = element(xml, 'language')?.split(/[-_]/)[0]?.toLowerCase();
  const metadata: ImportedMetadata = {};
  if (title !== undefined) metadata.title = title;
  if (author !== undefined && !PLACEHOLDER_AUTHORS.has(author.toLowerCase())) {
    metadata.author = author;
  }
  const publishedAt = created === undefined ? undefined : calendarDate(created);
  if (publishedAt !== undefined) metadata.publishedAt = publishedAt;
  if (language !== undefined && /^[a-z]{2,3}$/.test(language)) metadata.language = language;
  return metadata;
}

function decodeXml(part: Uint8Array): string {
  if (part[0] === 0xff && part[1] === 0xfe) return new TextDecoder('utf-16le').decode(part);
  if (part[0] === 0xfe && part[1] === 0xff) return new TextDecoder('utf-16be').decode(part);
  return new TextDecoder('utf-8').decode(part);
}

/** Text of the first element with this local name, entities decoded, whitespace collapsed. */
function element(xml: string, localName: string): string | undefined {
  const pattern = new RegExp(
    `<(?:[A-Za-z_][\\w.-]*:)?${localName}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[A-Za-z_][\\w.-]*:)?${localName}\\s*>`,
  );
  const raw = pattern.exec(xml)?.[1];
  if (raw === undefined) return undefined;
  const text = decodeEntities(raw).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Character data: CDATA sections verbatim, elsewhere tags dropped and references decoded. */
function decodeEntities(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : decodeReferences(part.replace(/<[^>]*>/g, '')),
    )
    .join('');
}

function decodeReferences(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|([a-z]+));/gi,
    (match, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
      const code = hex === undefined ? Number.parseInt(dec ?? '', 10) : Number.parseInt(hex, 16);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '';
    },
  );
}

/** W3CDTF (`2024-03-15T08:30:00Z`, `2024-03-15`): the date as written. */
function calendarDate(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900
    ? match[0].slice(0, 10)
    : undefined;
}
