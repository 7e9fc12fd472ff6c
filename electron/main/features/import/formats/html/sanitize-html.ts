import type { Config } from 'dompurify';
import { sharedWindow } from './shared-window';

/**
 * Elements the block walker understands; everything else is unwrapped (its text kept) or,
 * for the tags in FORBID_CONTENTS, dropped with all it holds.
 */
const ALLOWED_TAGS = [
  ...['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em'],
  ...['font', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp'],
  ...['small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'br'],
  ...['address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl'],
  ...['dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header'],
  ...['hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary'],
  ...['ul', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  // The root a string is parsed into: were it disallowed, DOMPurify would deep-clone
  // everything in it to hoist it out (slow, and recursion-deep on nested markup).
  'body',
];

/** Dropped with their content: controls, plugins and other things that are not prose. */
const FORBID_CONTENTS = [
  ...['form', 'button', 'select', 'textarea', 'option', 'datalist', 'output', 'object'],
  ...['embed', 'applet', 'canvas', 'map', 'dialog', 'frameset', 'frame'],
];

const CONFIG = {
  ALLOWED_TAGS,
  // Only what the walker reads; `src` goes, so nothing can ever be fetched.
  ALLOWED_ATTR: ['href', 'alt'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ADD_FORBID_CONTENTS: FORBID_CONTENTS,
  // Relative targets stay (they are resolved later); of the schemes only these three.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  KEEP_CONTENT: true,
  RETURN_DOM: true,
  IN_PLACE: true,
} satisfies Config;

/** Inline styles that hide text from a reader (e-mail preheaders, Outlook-only blocks). */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

/** Per-call findings of the hook; sanitising is synchronous, so one slot is enough. */
let found: { title: string | undefined; hidden: Element[] } = { title: undefined, hidden: [] };
let hooked = false;

function installHook(): void {
  if (hooked) return;
  hooked = true;
  sharedWindow().purify.addHook('uponSanitizeElement', (node, data) => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (data.tagName === 'title') {
      found.title ??= element.textContent ?? undefined;
      return;
    }
    // Attributes are still there at this point: look before DOMPurify strips `style`.
    const style = element.getAttribute('style');
    if (element.hasAttribute('hidden') || (style !== null && HIDDEN_STYLE.test(style))) {
      found.hidden.push(element);
    }
  });
}

export interface SanitizedHtml {
  /** The sanitised content: `<body>` for a string, the element itself when given one. */
  root: Node;
  /** Text of the document's `<title>` (never part of the content). */
  title: string | undefined;
}

/**
 * Sanitises imported markup with DOMPurify on the shared jsdom window: scripts, handlers,
 * styles, frames, forms, SVG/MathML, and links to anything but http(s)/mailto are removed.
 * A string is parsed into a fresh inert document; an element (Readability's output) is
 * cleaned in place, which saves a serialise-and-reparse round trip. Hidden elements go too.
 */
export function sanitizeHtml(dirty: string | Element): SanitizedHtml {
  installHook();
  found = { title: undefined, hidden: [] };
  const { purify } = sharedWindow();
  const root = purify.sanitize(dirty, CONFIG);
  for (const element of found.hidden) element.remove();
  // A `<title>` in the head is never walked: read it from the document the string became.
  const headTitle = typeof dirty === 'string' ? root.ownerDocument?.title : undefined;
  const result = { root, title: found.title ?? (headTitle || undefined) };
  found = { title: undefined, hidden: [] };
  return result;
}
