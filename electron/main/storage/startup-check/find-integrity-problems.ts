import type { IntegrityProblem } from '../../../../shared/domain/durability';

/** A highlight as the check saw it: which folder's file held it. */
export interface HighlightRef {
  id: string;
  articleId: string;
  folderId: string;
  tags: readonly string[];
}

export interface IntegrityInput {
  highlights: readonly HighlightRef[];
  tagIds: ReadonlySet<string>;
  memos: ReadonlyArray<{ id: string; title: string; cited: readonly string[] }>;
  /** Articles the index lists whose folder is gone. */
  missingFolders: readonly string[];
  /** Article folders the index does not list that hold highlights. */
  unlistedWithHighlights: readonly string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * References in the library that point at nothing. Each is reported, never repaired by
 * deleting: a highlight with an unknown tag keeps its text and its other tags, a memo
 * citing a deleted claim keeps the quoted text it copied.
 */
export function findIntegrityProblems({
  highlights,
  tagIds,
  memos,
  missingFolders,
  unlistedWithHighlights,
}: IntegrityInput): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  for (const id of missingFolders) {
    problems.push({
      kind: 'listed-article-missing',
      file: 'library.json',
      message: `The library lists article ${id}, but its folder articles/${id} is gone.`,
    });
  }
  for (const id of unlistedWithHighlights) {
    problems.push({
      kind: 'annotations-of-missing-article',
      file: `articles/${id}/annotations.json`,
      message: `articles/${id} holds highlights but no article the library lists; they are kept as they are.`,
    });
  }
  const unknownTags = new Map<string, number>();
  for (const h of highlights) {
    if (h.articleId !== h.folderId) {
      problems.push({
        kind: 'highlight-of-other-article',
        file: `articles/${h.folderId}/annotations.json`,
        message: `Highlight ${h.id} in articles/${h.folderId} says it belongs to article ${h.articleId}.`,
      });
    }
    const missing = h.tags.filter((tag) => !tagIds.has(tag)).length;
    if (missing > 0) unknownTags.set(h.folderId, (unknownTags.get(h.folderId) ?? 0) + 1);
  }
  for (const [folderId, count] of unknownTags) {
    problems.push({
      kind: 'unknown-tag',
      file: `articles/${folderId}/annotations.json`,
      message: `${plural(count, 'highlight', 'highlights')} in articles/${folderId} carry tags the codebook no longer has; their other tags and text are unchanged.`,
    });
  }
  const known = new Set(highlights.map((h) => h.id));
  for (const memo of memos) {
    const missing = new Set(memo.cited.filter((id) => !known.has(id)));
    if (missing.size === 0) continue;
    problems.push({
      kind: 'citation-of-missing-claim',
      file: `memos/${memo.id}/memo.json`,
      message: `"${memo.title}" cites ${plural(missing.size, 'claim', 'claims')} no longer in the library; the memo keeps the quoted text.`,
    });
  }
  return problems;
}
