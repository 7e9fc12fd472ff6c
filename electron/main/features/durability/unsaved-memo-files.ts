import type { UnsavedMemo } from '../../../../shared/domain/durability';
import { AppError } from '../../errors/app-error';
import type { Library } from '../../storage/open-library';
import { memoFileSpec } from '../../storage/memo-files';
import { serializeStoreFile } from '../../storage/parse-store-file';
import { checkedMemoDoc } from '../memos/checked-memo-doc';

/**
 * The `memo.json` a backup holds for each memo the page could not save: the saved memo
 * with the page's title and body, one version on. Keyed by the path in the backup.
 */
export async function unsavedMemoFiles(
  library: Library,
  unsaved: readonly UnsavedMemo[],
  now: Date,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const { id, title, doc } of unsaved) {
    if (!library.memos.findById(id)) {
      throw new AppError('NOT_FOUND', `The memo "${title}" is no longer in the library.`);
    }
    const saved = await library.memos.get(id);
    const memo = {
      ...saved,
      title,
      doc: checkedMemoDoc(doc),
      updatedAt: now.toISOString(),
      version: saved.version + 1,
    };
    const text = serializeStoreFile(memoFileSpec, {
      schemaVersion: 1,
      memo,
      newestRevision: library.memos.newestRevision(id),
    });
    files.set(`memos/${id}/memo.json`, Buffer.from(text));
  }
  return files;
}
