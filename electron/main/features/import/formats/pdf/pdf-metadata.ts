import type { ImportedMetadata } from '../../parsed-document';

/** Titles that name the file or the program rather than the article. */
const JUNK_TITLES = [
  /^microsoft (?:word|powerpoint|excel)\b/i,
  /^(?:untitled|unbenannt|ohne titel|document|dokument|presentation|präsentation)\b/i,
  /^powerpoint[- ](?:presentation|präsentation)$/i,
  /\.(?:docx?|dotx?|pptx?|xlsx?|rtf|odt|pages|txt|pdf|indd|qxp|tex|dvi|html?)$/i,
];

function cleanText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F\uFEFF]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

function cleanTitle(value: unknown): string | undefined {
  const title = cleanText(value);
  if (title === undefined || !/\p{L}/u.test(title)) return undefined;
  return JUNK_TITLES.some((junk) => junk.test(title)) ? undefined : title;
}

/**
 * The calendar date of a PDF date string (`D:20240115093000+01'00'` → `2024-01-15`), as
 * written: no shift to UTC, which could move it to another day. Needs year, month and day.
 */
function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : undefined;
}

function languageCode(value: unknown): string | undefined {
  const match =
    typeof value === 'string' ? /^([a-z]{2})(?:[-_][a-z0-9]+)*$/i.exec(value.trim()) : null;
  return match ? match[1]!.toLowerCase() : undefined;
}

/** Metadata from the PDF's document information (the `info` of pdf.js `getMetadata()`). */
export function pdfMetadata(info: unknown): ImportedMetadata {
  if (typeof info !== 'object' || info === null) return {};
  const fields = info as Record<string, unknown>;
  const metadata: ImportedMetadata = {};
  const title = cleanTitle(fields['Title']);
  const author = cleanText(fields['Author']);
  const publishedAt = pdfDate(fields['CreationDate']);
  const language = languageCode(fields['Language']);
  if (title !== undefined) metadata.title = title;
  if (author !== undefined) metadata.author = author;
  if (publishedAt !== undefined) metadata.publishedAt = publishedAt;
  if (language !== undefined) metadata.language = language;
  return metadata;
}
