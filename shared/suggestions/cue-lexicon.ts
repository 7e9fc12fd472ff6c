import { z } from 'zod';
import de from './lexicons/de.json' with { type: 'json' };
import en from './lexicons/en.json' with { type: 'json' };
import fr from './lexicons/fr.json' with { type: 'json' };

/**
 * The words and phrases that make a sentence a candidate claim, for one language. A
 * single-word cue is a stem: it matches a word that starts with it (in German, a word that
 * contains it, for compounds like "Konkurrenzdruck"); cues under five letters match whole
 * words only. A cue with a space matches that phrase.
 */
export const CueLexicon = z.object({
  risk: z.array(z.string().min(1)),
  thesis: z.array(z.string().min(1)),
  /** Reported facts with a source: "laut", "according to", "selon". */
  sources: z.array(z.string().min(1)),
  /**
   * Reporting verbs ("said", "teilte mit", "a annoncé"): they make a figure a reported
   * fact, but a sentence is not a claim just because someone said it.
   */
  reporting: z.array(z.string().min(1)),
  /** Words that cancel a cue near them ("kein Risiko", "not a risk"). */
  negations: z.array(z.string().min(1)),
  /** Reporting periods that make a figure evidence ("im dritten Quartal"). */
  quarters: z.array(z.string().min(1)),
  /** Units of large amounts after a number ("4,4 Mrd.", "3 bn"). */
  magnitudes: z.array(z.string().min(1)),
});
export type CueLexicon = z.infer<typeof CueLexicon>;

/** The lexicons Margin ships (`lexicons/<language>.json`): German, English and French. */
export const BUILT_IN_LEXICONS: Readonly<Record<string, CueLexicon>> = {
  de: CueLexicon.parse(de),
  en: CueLexicon.parse(en),
  fr: CueLexicon.parse(fr),
};

/** The lexicon for a language tag ("de-CH" → de); English when Margin has none for it. */
export function lexiconFor(language: string): { language: string; lexicon: CueLexicon } {
  const base = language.toLowerCase().split('-')[0] ?? '';
  const lexicon = BUILT_IN_LEXICONS[base];
  return lexicon ? { language: base, lexicon } : { language: 'en', lexicon: BUILT_IN_LEXICONS.en! };
}
