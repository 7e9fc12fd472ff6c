import type { Tag } from '../../../../shared/domain/codebook';
import { tagPath } from '../../../../shared/domain/tag-path';

/** Every tag's full name ("Risk › Regulatory"), by id: exports name a tag by its path. */
export function tagPaths(codebook: readonly Tag[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const tag of codebook) paths.set(tag.id, tagPath(codebook, tag.id) ?? tag.name);
  return paths;
}
