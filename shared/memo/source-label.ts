/** What a citation's source line is made of (a citation snapshot has all of these). */
export interface CitationSourceParts {
  source: string | null;
  articleTitle: string | null;
  /** `YYYY-MM-DD`. */
  publishedAt: string | null;
  locator: string | null;
}

/** An article title stands in for a missing publisher: cut so the line stays one line. */
const TITLE_MAX_CHARS = 60;

// A fixed table, not Intl: ICU versions differ ("Sep" or "Sept"), and an exported report
// must be the same bytes whichever Electron or Node made it.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "24 Nov 2026" for `2026-11-24`; null for anything that is not a real calendar date. */
export function formatCitationDate(isoDate: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half of a surrogate pair (an emoji, a rare CJK character) before the "…".
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * The source line of a citation: "Handelsblatt, 24 Nov 2026, ¶4". Without a publisher the
 * article title (at most 60 characters) names it; missing parts are left out.
 */
export function citationSourceLabel({
  source,
  articleTitle,
  publishedAt,
  locator,
}: CitationSourceParts): string {
  const name = source?.trim() || truncate(articleTitle?.trim() ?? '', TITLE_MAX_CHARS);
  const date = publishedAt ? formatCitationDate(publishedAt.trim()) : null;
  return [name, date, locator?.trim()].filter((part) => !!part).join(', ');
}
