/**
 * How deep elements may nest before the extra levels are dropped: half of what Chromium's
 * HTML parser allows (512), because Readability slows sharply with depth (some 13 s at
 * 510 levels). No real page comes near it: the news corpus nests at most a few dozen.
 */
export const MAX_NESTING_DEPTH = 256;

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
/** Elements that never hold others, and those whose end tag a page may leave out. */
const NOT_COUNTED = new Set(
  (
    'area base br col embed hr img input link meta source track wbr param keygen ' +
    'p li dt dd option optgroup tr td th tbody thead tfoot colgroup rb rt rp rtc html head body'
  ).split(' '),
);

/**
 * Drops the tags (never the text) of elements nested deeper than `maxDepth`. jsdom builds
 * a tree of any depth, and each element it adds walks up all its ancestors: 20,000 nested
 * `<b>` (140 KB) take minutes or overflow the stack, and DOMPurify's and Readability's
 * recursive walks fail the same way. One linear pass over the markup, before parsing;
 * a page within the limit comes back unchanged.
 */
export function flattenDeepNesting(html: string, maxDepth = MAX_NESTING_DEPTH): string {
  if (!mayNestDeeperThan(html, maxDepth)) return html;
  const parts: string[] = [];
  let kept = 0;
  let depth = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const name = match[2]!.toLowerCase();
    if (NOT_COUNTED.has(name)) continue;
    const closing = match[1] === '/';
    const tooDeep = closing ? depth > maxDepth : depth >= maxDepth;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    if (!tooDeep) continue;
    parts.push(html.slice(kept, match.index));
    kept = match.index + match[0].length;
  }
  if (kept === 0) return html;
  parts.push(html.slice(kept));
  return parts.join('');
}

/** False when the markup has too few tags to nest that deep (the common case, one scan). */
function mayNestDeeperThan(html: string, maxDepth: number): boolean {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    if (++tags > maxDepth) return true;
  }
  return false;
}
