const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);

/** Text direction for an article's language. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

const names = new Intl.DisplayNames(undefined, { type: 'language' });

/** "German" for `de`, in the analyst's UI language; "Unknown language" for `und`. */
export function languageName(language: string): string {
  if (language === 'und') return 'Unknown language';
  try {
    return names.of(language) ?? language;
  } catch {
    return language;
  }
}
