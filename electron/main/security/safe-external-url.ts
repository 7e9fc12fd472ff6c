/** Schemes the OS may open for a link the analyst clicked. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to hand to the OS browser, or null when it must not be opened. Control
 * characters and whitespace are stripped *before* parsing: the URL parser drops tabs and
 * newlines itself, which once let `java\tscript:` through a scheme check in Obsidian.
 */
export function toSafeExternalUrl(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}
