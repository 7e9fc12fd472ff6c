import { safeLinkHref } from '../../../../../../shared/text/safe-link-href';

/**
 * The absolute http(s)/mailto target of a link, or null. Relative targets resolve against
 * `baseUrl` (the page's address); without one they are dropped, and so are in-page
 * anchors, which lead nowhere once the text lives in Margin.
 */
export function resolveHref(raw: string, baseUrl: string | undefined): string | null {
  const href = raw.trim();
  if (href === '' || href.startsWith('#')) return null;
  let resolved: URL;
  try {
    // The WHATWG parser drops tabs and newlines and decodes the scheme the way a browser
    // does, so `java\tscript:` is seen as `javascript:` here and refused below.
    resolved = baseUrl === undefined ? new URL(href) : new URL(href, baseUrl);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'mailto:'].includes(resolved.protocol)) return null;
  return safeLinkHref(resolved.href);
}
