/** "By …" in the languages of Margin's sources. */
const LEADING_BY = /^(?:by|von|par|por)\s+/i;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** A byline that is really a timestamp ("April 28, 2019 at 6:01 am Updated …"). */
const DATE_LIKE = new RegExp(
  `^(?:(?:updated|published|posted)\\b\\W*)?(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4})`,
  'i',
);
const MAX_LENGTH = 200;

/**
 * An author line as the analyst wants to see it: whitespace collapsed, a leading
 * "By"/"Von"/"Par"/"Por" and stray separators removed. Returns undefined for what is not a
 * name at all: a timestamp, a URL, a paragraph that a site marked up as its byline.
 */
export function cleanByline(raw: string | null | undefined): string | undefined {
  let byline = raw?.replace(/\s+/g, ' ').trim();
  if (!byline) return undefined;
  byline = byline
    .replace(LEADING_BY, '')
    .replace(/^[\s|,;:–—-]+|(?<![\s|,;:–—-])[\s|,;:–—-]+$/g, '') // linear on long runs
    .trim();
  if (byline === '' || byline.length > MAX_LENGTH) return undefined;
  if (DATE_LIKE.test(byline) || /^https?:\/\//i.test(byline) || !/\p{L}/u.test(byline)) {
    return undefined;
  }
  return byline;
}
