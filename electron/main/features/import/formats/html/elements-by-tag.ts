/**
 * The elements below `root` whose tag is one of `tags`, in document order: what
 * `root.querySelectorAll(tags.join(','))` returns, as a static list. A plain walk over
 * the element tree is much faster in jsdom than its selector engine, and Readability
 * asks this question many times per page.
 */
export function elementsByTag(root: Node, tags: readonly string[]): Element[] {
  const wanted = new Set(tags.map((tag) => tag.toLowerCase()));
  const found: Element[] = [];
  let element = firstElementChild(root);
  while (element !== null) {
    if (wanted.has(element.localName)) found.push(element);
    const child = element.firstElementChild;
    if (child !== null) {
      element = child;
      continue;
    }
    // Climb until a sibling follows, stopping at the root.
    while (element !== null && element.nextElementSibling === null) {
      const parent: Node | null = element.parentNode;
      element = parent === root || parent === null ? null : (parent as Element);
    }
    element = element?.nextElementSibling ?? null;
  }
  return found;
}

function firstElementChild(node: Node): Element | null {
  return 'firstElementChild' in node ? (node as ParentNode).firstElementChild : null;
}
