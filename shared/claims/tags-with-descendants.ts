import type { Tag } from '../domain/codebook';

/**
 * The given tag ids and every tag below them in the codebook. Tolerates a cycle in the
 * parent chain (a corrupted codebook) instead of looping forever.
 */
export function tagsWithDescendants(codebook: readonly Tag[], tagIds: readonly string[]): string[] {
  const children = new Map<string, string[]>();
  for (const tag of codebook) {
    if (tag.parentId === null) continue;
    const siblings = children.get(tag.parentId);
    if (siblings) siblings.push(tag.id);
    else children.set(tag.parentId, [tag.id]);
  }
  const found = new Set<string>();
  const pending = [...tagIds];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    pending.push(...(children.get(id) ?? []));
  }
  return [...found];
}
