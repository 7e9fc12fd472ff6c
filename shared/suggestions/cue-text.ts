/**
 * The rules for a cue the analyst types, without zod: the renderer checks with them as
 * the analyst types (it loads no zod schemas, see ADR 0003), and `CueText` in
 * shared/domain/suggestion.ts applies the same ones in main.
 */

/** As stored: trimmed, lower case, with typographic apostrophes made straight ('). */
export function normalizeCue(typed: string): string {
  return typed.trim().toLowerCase().replace(/’/g, "'");
}

/** Why a normalized cue cannot be used, or null: 2–60 letters, digits, spaces, ' and -. */
export function cueTextProblem(cue: string): string | null {
  if (cue.length < 2) return 'a cue needs at least two characters';
  if (cue.length > 60) return 'a cue has at most 60 characters';
  if (!/^[\p{L}\p{N}][\p{L}\p{N} '-]*$/u.test(cue)) {
    return 'a cue holds letters, digits, spaces, apostrophes and hyphens only';
  }
  return null;
}
