/** A line ending in a hyphen (or soft hyphen) right after a letter or digit. */
const HYPHEN_AT_END = /[\p{L}\p{N}]([-\u2010\u00AD])$/u;
/**
 * Words after which a line-end hyphen is a suspended compound ("Vor- und Nachteile",
 * "pre- and post-merger"): the hyphen stays and so does the space.
 */
const SUSPENDED_COMPOUND = /^(?:und|oder|bzw\.|sowie|and)\s/u;
/** The word parts around a line-end hyphen, with their own hyphens: "state-of-" + "the-art". */
const LAST_WORD = /(?:[\p{L}\p{N}]+[-\u2010])+$/u;
const FIRST_WORD = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u;

/**
 * Joins the next wrapped line of a paragraph onto the text so far. A hyphen at the line end
 * is undone when the word goes on in lower case ("Wachs-" + "tum" → "Wachstum"), kept when
 * it goes on in upper case or with a digit, as in German compounds ("Cloud-" + "Dienste"
 * → "Cloud-Dienste", "2023-" + "2025"), and kept when the document spells the joined word
 * with a hyphen elsewhere (`hyphenatedWords`, lower case: "bolt-on").
 */
export function joinWrappedLine(
  text: string,
  next: string,
  hyphenatedWords: ReadonlySet<string> = new Set(),
): string {
  const left = text.trimEnd();
  const right = next.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  const hyphen = HYPHEN_AT_END.exec(left)?.[1];
  if (hyphen !== undefined) {
    if (hyphen === '\u00AD') return left.slice(0, -1) + right;
    if (SUSPENDED_COMPOUND.test(right)) return `${left} ${right}`;
    if (/^[\p{Lu}\p{Lt}\p{N}]/u.test(right)) return left + right;
    if (/^\p{Ll}/u.test(right)) {
      const word = `${LAST_WORD.exec(left)?.[0] ?? ''}${FIRST_WORD.exec(right)?.[0] ?? ''}`;
      return hyphenatedWords.has(word.replace(/\u2010/g, '-').toLowerCase())
        ? left + right
        : left.slice(0, -1) + right;
    }
  }
  return `${left} ${right}`;
}
