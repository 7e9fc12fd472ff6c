import { safeLinkHref } from '../../../shared/text/safe-link-href';

/** Schemes the OS may open for a link the analyst clicked. */
const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to hand to the OS browser, or null when it must not be opened. The same rule as
 * for links kept at import (`safeLinkHref`: control characters stripped before the scheme
 * is read, the Obsidian `java\tscript:` bypass; http(s) with a host and no credentials,
 * or mailto), then parsed, so the OS gets a normalised URL (a look-alike host as punycode).
 */
export function toSafeExternalUrl(raw: string): string | null {
  const href = safeLinkHref(raw);
  if (href === null) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return EXTERNAL_SCHEMES.has(url.protocol) ? url.href : null;
}
