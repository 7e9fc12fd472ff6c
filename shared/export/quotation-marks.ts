/** The marks around an inline quote. */
export interface QuotationMarks {
  open: string;
  close: string;
}

const NARROW_NBSP = '\u202F';

/** ISO 639-1 and -3 codes (both bibliographic and terminological) of the languages with their own marks. */
const BY_LANGUAGE: Record<string, QuotationMarks> = {
  de: { open: '„', close: '“' },
  fr: { open: `«${NARROW_NBSP}`, close: `${NARROW_NBSP}»` },
};
const ALIASES: Record<string, string> = { deu: 'de', ger: 'de', fra: 'fr', fre: 'fr' };
const ENGLISH: QuotationMarks = { open: '“', close: '”' };

/**
 * The typographic quotation marks of the quoted article's language: German „…“, French
 * « … » (with narrow no-break spaces, so the marks never wrap away from the words), and
 * English “…” for everything else, including an unknown language ("und").
 */
export function quotationMarks(language: string): QuotationMarks {
  const code = language.trim().toLowerCase();
  return BY_LANGUAGE[ALIASES[code] ?? code] ?? ENGLISH;
}
