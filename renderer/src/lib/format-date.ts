const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateOnlyFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** An instant (`importedAt`) in the analyst's locale and time zone. */
export function formatInstant(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`, e.g. published) in the analyst's locale, never shifted by time zone. */
export function formatCalendarDate(isoDate: string): string {
  return dateOnlyFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dateTimeSecondsFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/**
 * An instant with its time of day (a snapshot, a rolling copy) in the analyst's locale;
 * with seconds where several can fall in one minute.
 */
export function formatDateTime(iso: string, { seconds = false } = {}): string {
  return (seconds ? dateTimeSecondsFormat : dateTimeFormat).format(new Date(iso));
}
