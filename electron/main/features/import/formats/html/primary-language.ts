/** Codes that say "no particular language". */
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

/** The lower-case primary subtag of a language tag (`en-US`, `pt_BR`, `de`), or undefined. */
export function primaryLanguage(raw: string | null | undefined): string | undefined {
  const primary = raw
    ?.trim()
    .split(/[-_\s,;]/, 1)[0]
    ?.toLowerCase();
  if (!primary || !/^[a-z]{2,3}$/.test(primary) || NOT_A_LANGUAGE.has(primary)) return undefined;
  return primary;
}
