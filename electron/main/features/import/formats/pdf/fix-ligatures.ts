/** The Latin ligature block: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ. */
const LIGATURES = /[\uFB00-\uFB06]/g;

/**
 * Spells out typographic ligatures ("ﬁnance" → "finance"), so search and quotes match.
 * NFKC on these characters only: on the whole text it would also turn "m²" into "m2".
 */
export function fixLigatures(text: string): string {
  return text.replace(LIGATURES, (ligature) => ligature.normalize('NFKC'));
}
