import { join } from 'node:path';
import type { GenerationEntry, GenerationFile } from '../../../../shared/domain/durability';
import { EntityId } from '../../../../shared/domain/primitives';
import { generationId, ROLLING_FOLDER } from '../../storage/generations/generation-path';
import { namesInFolder } from '../../storage/names-in-folder';
import type { Library } from '../../storage/open-library';

/** Rolling copies of highlights files listed at most: the newest, across all articles. */
const ANNOTATION_COPIES_LISTED = 200;

const ownersIn = async (folder: string): Promise<string[]> =>
  (await namesInFolder(folder)).filter((name) => EntityId.safeParse(name).success);

/** What the analyst knows a store file by. */
function labelOf(library: Library, file: GenerationFile): string {
  switch (file.kind) {
    case 'library':
      return 'Library index (settings, tags, article list)';
    case 'memo': {
      const memo = library.memos.findById(file.memoId);
      return memo ? `Memo “${memo.title}”` : `Memo ${file.memoId} (no longer in the library)`;
    }
    case 'annotations': {
      const article = library.articles.findById(file.articleId);
      return article
        ? `Highlights of “${article.title}”`
        : `Highlights of article ${file.articleId} (no longer in the library)`;
    }
  }
}

/** Every rolling copy in the data folder, newest first. */
export async function listGenerations(library: Library): Promise<GenerationEntry[]> {
  const root = join(library.layout.dataDir, ...ROLLING_FOLDER);
  const files: GenerationFile[] = [
    { kind: 'library' },
    ...(await ownersIn(join(root, 'memos'))).map((memoId) => ({ kind: 'memo' as const, memoId })),
  ];
  const annotationFiles = (await ownersIn(join(root, 'annotations'))).map((articleId) => ({
    kind: 'annotations' as const,
    articleId,
  }));
  const entries: GenerationEntry[] = [];
  const annotationEntries: GenerationEntry[] = [];
  for (const file of [...files, ...annotationFiles]) {
    const into = file.kind === 'annotations' ? annotationEntries : entries;
    for (const copy of await library.generations.list(file)) {
      into.push({
        id: generationId(file, copy.name),
        file,
        label: labelOf(library, file),
        at: copy.at,
        bytes: copy.bytes,
      });
    }
  }
  const newestFirst = (a: GenerationEntry, b: GenerationEntry) => b.at.localeCompare(a.at);
  return [
    ...entries,
    ...annotationEntries.sort(newestFirst).slice(0, ANNOTATION_COPIES_LISTED),
  ].sort(newestFirst);
}
