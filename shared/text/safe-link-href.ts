/** Link targets Margin keeps in an imported article; everything else becomes plain text. */
const ALLOWED_SCHEME = /^(?:https?:\/\/[^/?#\s]|mailto:[^\s])/i;
/** `https://bank.example@evil.example/`: credentials before the host only serve to mislead. */
const USERINFO = /^https?:\/\/[^/?#]*@/i;

/**
 * The link target to keep, or null. Browsers ignore tabs, newlines and other control
 * characters inside a URL, so `java\tscript:` still runs script: they are removed (inner
 * spaces are percent-encoded) before the scheme is checked, and only absolute http, https
 * and mailto targets pass, http(s) without a user name or password before the host.
 * Relative links must be resolved against the page's address before they get here.
 */
export function safeLinkHref(raw: string): string | null {
  const href = raw
    // eslint-disable-next-line no-control-regex
    .replace(/^[\u0000-\u0020]+|(?<![\u0000-\u0020])[\u0000-\u0020]+$/g, '') // linear
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '')
    .replace(/ /g, '%20');
  if (href.length === 0 || href.length > 8192 || !ALLOWED_SCHEME.test(href)) return null;
  if (USERINFO.test(href)) return null;
  return href;
}
