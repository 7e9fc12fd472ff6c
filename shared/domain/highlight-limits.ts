// Zod-free on purpose: the renderer and the anchoring code use these too.

/** How many characters of context a quote selector keeps on each side. */
export const QUOTE_CONTEXT_CHARS = 32;
/** Longest highlight: a claim is a sentence or a few paragraphs, not a chapter. */
export const HIGHLIGHT_MAX_CHARS = 20_000;
/** Longest note or paraphrase. */
export const HIGHLIGHT_NOTE_MAX_CHARS = 20_000;
