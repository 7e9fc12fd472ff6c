/** `NodeFilter.SHOW_ELEMENT`; jsdom's globals are not Node's. */
const SHOW_ELEMENT = 0x1;

/**
 * The elements below `root` whose tag is one of `tags`, in document order: what
 * `root.querySelectorAll(tags.join(','))` returns, as a static list. A tree walk is
 * faster in jsdom than its selector engine, and Readability asks this many times a page.
 */
export function elementsByTag(root: Node, tags: readonly string[]): Element[] {
  const wanted = new Set(tags.map((tag) => tag.toLowerCase()));
  const found: Element[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (wanted.has((node as Element).localName)) found.push(node as Element);
  }
  return found;
}
