/** Schemes the OS may open for a link the analyst clicked. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * The URL to hand to the OS browser, or null when it must not be opened. Control characters
 * are stripped before parsing, as the URL parser itself strips tabs and newlines: checking
 * the scheme of the raw text once let `java\tscript:` through in Obsidian. The scheme is
 * read from the parsed URL only.
 */
export function toSafeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.replace(CONTROL_CHARACTERS, '').trim());
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  // Credentials in a link (`https://bank.example@evil.example`) only serve to mislead.
  if (url.username || url.password) return null;
  return url.href;
}
