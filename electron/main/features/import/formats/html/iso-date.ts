/**
 * What a textual date must show before Date.parse, which reads almost anything, may try:
 * a year, a day and a month name. "2026" or "03/05/2026" (March or May?) are refused.
 */
const HAS_YEAR = /(?:^|\D)(?:1[89]|2\d)\d\d(?:\D|$)/;
const HAS_DAY = /(?:^|\D)\d{1,2}(?:\D|$)/;
const HAS_MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
/** A trailing offset or zone as written: `+01:00`, `-0500`, `Z`, `GMT`, `UTC`. */
const OFFSET = /(?:([+-])(\d\d):?(\d\d)|\b(?:Z|GMT|UTC))\s*(?:\([^)]*\))?$/i;

/**
 * The calendar date of a published-time string as `YYYY-MM-DD`, or undefined. The date is
 * the one in the source's own offset: `2021-11-01T00:30:00+01:00` is the 1st, not the
 * 31st as it would be in UTC. Numeric forms are read as written; textual ones
 * (`Tue, 05 Mar 2019 10:00:00 +0100`, `March 5, 2019`) through Date.parse.
 */
export function isoDate(raw: string | null | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const numeric =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(text);
  if (numeric) return calendarDate(+numeric[1]!, +numeric[2]!, +numeric[3]!);
  const european = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/.exec(text);
  if (european) return calendarDate(+european[3]!, +european[2]!, +european[1]!);
  if (!HAS_YEAR.test(text) || !HAS_DAY.test(text) || !HAS_MONTH_NAME.test(text)) return undefined;
  const instant = Date.parse(text);
  if (Number.isNaN(instant)) return undefined;
  const offset = OFFSET.exec(text);
  if (offset) {
    const minutes = offset[1] ? (offset[1] === '-' ? -1 : 1) * (+offset[2]! * 60 + +offset[3]!) : 0;
    const shifted = new Date(instant + minutes * 60_000);
    return calendarDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  // No offset: Date.parse took it as local time, so the local fields are the date as written.
  const local = new Date(instant);
  return calendarDate(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
