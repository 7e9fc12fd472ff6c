import type { GenerationEntry, GenerationFile } from '../../../shared/domain/durability';

/** The rolling copies of one store file, newest first. */
export interface GenerationGroup {
  key: string;
  file: GenerationFile;
  /** The newest copy's label (a memo's title as it is now, or last was). */
  label: string;
  entries: GenerationEntry[];
}

const fileKey = (file: GenerationFile): string =>
  file.kind === 'library'
    ? 'library'
    : file.kind === 'memo'
      ? `memo:${file.memoId}`
      : `annotations:${file.articleId}`;

const kindOrder: Record<GenerationFile['kind'], number> = { library: 0, memo: 1, annotations: 2 };

/**
 * Rolling copies by file: the library index first, then memos, then articles' highlights,
 * each kind with the most recently changed file first.
 */
export function groupGenerations(entries: readonly GenerationEntry[]): GenerationGroup[] {
  const groups = new Map<string, GenerationGroup>();
  for (const entry of entries) {
    const key = fileKey(entry.file);
    const group = groups.get(key);
    if (group) group.entries.push(entry);
    else groups.set(key, { key, file: entry.file, label: entry.label, entries: [entry] });
  }
  const newest = (g: GenerationGroup) => g.entries[0]!.at;
  for (const group of groups.values()) {
    group.entries.sort((a, b) => b.at.localeCompare(a.at));
    group.label = group.entries[0]!.label;
  }
  return [...groups.values()].sort(
    (a, b) => kindOrder[a.file.kind] - kindOrder[b.file.kind] || newest(b).localeCompare(newest(a)),
  );
}
