// Zod-free on purpose: the renderer uses it to show and parse tag paths.
import type { Tag } from './codebook';

export const TAG_NAME_MAX_CHARS = 80;
/** Typed separators between path levels; `›` is how paths are shown. */
export const TAG_PATH_SEPARATORS = ['›', '/'] as const;
export const TAG_PATH_DISPLAY_SEPARATOR = ' › ';

/** `Risk › Regulatory`, `Risk/Regulatory` → `['Risk', 'Regulatory']` (empty levels dropped). */
export function splitTagPath(path: string): string[] {
  return path
    .split(/[›/]/)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name.length > 0);
}

/** The tag's full path for display, `Risk › Regulatory`; null when the id is unknown. */
export function tagPath(
  tags: readonly Pick<Tag, 'id' | 'name' | 'parentId'>[],
  id: string,
): string | null {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (
    let tag = byId.get(id);
    tag && !seen.has(tag.id);
    tag = tag.parentId ? byId.get(tag.parentId) : undefined
  ) {
    seen.add(tag.id);
    names.unshift(tag.name);
  }
  return names.length === 0 ? null : names.join(TAG_PATH_DISPLAY_SEPARATOR);
}

/** Every tag's full path by id (`Risk › Regulatory`); a tag in a broken chain keeps its name. */
export function tagPaths(
  tags: readonly Pick<Tag, 'id' | 'name' | 'parentId'>[],
): Map<string, string> {
  const paths = new Map<string, string>();
  for (const tag of tags) paths.set(tag.id, tagPath(tags, tag.id) ?? tag.name);
  return paths;
}
