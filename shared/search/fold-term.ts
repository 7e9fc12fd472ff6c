/**
 * Folding makes a word comparable across spellings: lowercase, no diacritics, and letters
 * that NFD cannot split written out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, ligatures).
 *
 * German umlauts fold to their transliteration (ü → ue), not to the bare vowel: "Müller"
 * and "Mueller" are the same name, while folding every "ue" to "u" instead would conflate
 * ordinary words ("Frequenz", "quelque", "blue", "poet"/"pot"). Readers also type umlauts
 * without dots ("Ruckgang"), so the index additionally files a word with umlauts under
 * its dotless form (see foldTermForms); a query is folded once, with foldTerm.
 */

const LETTERS: Readonly<Record<string, string>> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  ŀ: 'l',
  // Hyphens only occur inside compounds, which are filed joined ("microsoftaktie").
  '-': '',
  '\u2010': '',
  '\u2011': '',
  // A decimal comma and a decimal point are the same number ("2,5" and "2.5").
  ',': '.',
};

const DOTLESS: Readonly<Record<string, string>> = { ...LETTERS, ä: 'a', ö: 'o', ü: 'u' };

const SPECIAL = /[äöüßæœøłđðþħıŀ\-\u2010\u2011,]/g;
const MARKS = /\p{M}/gu;
const ASCII_PLAIN = /^[a-z0-9.]*$/;
const HAS_UMLAUT = /[äöü]/;

function fold(word: string, letters: Readonly<Record<string, string>>): string {
  // NFC first so a decomposed ü is still an umlaut; NFKD then splits accents and ligatures.
  const lower = word.toLowerCase();
  if (ASCII_PLAIN.test(lower)) return lower;
  return lower
    .normalize('NFC')
    .replace(SPECIAL, (c) => letters[c] ?? c)
    .normalize('NFKD')
    .replace(MARKS, '');
}

/** The folded form a query term is looked up under, and that every word is filed under. */
export function foldTerm(word: string): string {
  return fold(word, LETTERS);
}

/** Words repeat endlessly in a corpus; folding each distinct spelling once pays off. */
const CACHE_LIMIT = 200_000;
let cache = new Map<string, readonly string[]>();

/**
 * Every form the index files `word` under: its folded form and, for a word with umlauts,
 * also the dotless one ("Rückgang" → rueckgang, ruckgang).
 */
export function foldTermForms(word: string): readonly string[] {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const folded = foldTerm(word);
  let forms: readonly string[] = [folded];
  if (HAS_UMLAUT.test(word.toLowerCase().normalize('NFC'))) {
    const dotless = fold(word, DOTLESS);
    if (dotless !== folded) forms = [folded, dotless];
  }
  if (cache.size >= CACHE_LIMIT) cache = new Map();
  cache.set(word, forms);
  return forms;
}
