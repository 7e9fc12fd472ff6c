/** Schemes the OS may open for a link the analyst clicked. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to hand to the OS browser, or null when it must not be opened. A URL with any
 * control character is refused outright: the URL parser silently drops tabs and newlines,
 * which once let `java\tscript:` through a scheme check in Obsidian.
 */
export function toSafeExternalUrl(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F-\u009F]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}
