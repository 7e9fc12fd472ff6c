import { readdir } from 'node:fs/promises';
import { relative } from 'node:path';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { EntityId } from '../../../shared/domain/primitives';
import type { DurableJsonFile } from './durable-json-file';
import type { GenerationStore } from './generations/generation-store';
import { copyTime, restoreNewestGeneration } from './generations/restore-newest-generation';
import type { LibraryLayout } from './library-layout';
import { memoFileSpec, type MemoFile } from './memo-files';
import { reportUnreadableFile } from './report-unreadable-file';
import { StoreFileError } from './store-file-spec';

/** Memo files read at once when the library opens. */
const READ_AT_ONCE = 16;

interface ReadMemoFilesOptions {
  layout: LibraryLayout;
  report: (notice: StoreNotice) => void;
  now: Date;
  /** A read-only library moves nothing: a damaged file is reported where it lies. */
  readOnly: boolean;
  generations: GenerationStore;
  /** The adapter the repo keeps for a memo's file: it remembers the file as read. */
  fileFor: (id: string) => DurableJsonFile<MemoFile>;
}

/** A memo read at open, with the adapter that read it. */
export interface ReadMemo {
  content: MemoFile;
  file: DurableJsonFile<MemoFile>;
}

/**
 * Reads every `memos/<id>/memo.json`. A damaged file is set aside (never overwritten) and
 * reported, a newer one reported and left as it is; neither stops the other memos from
 * loading. Folders without a memo file (a create cut off before its write) and temp files
 * are ignored.
 */
export async function readMemoFiles({
  layout,
  report,
  now,
  readOnly,
  generations,
  fileFor,
}: ReadMemoFilesOptions): Promise<ReadMemo[]> {
  const entries = await readdir(layout.memosDir, { withFileTypes: true });
  const ids = entries
    .filter((entry) => entry.isDirectory() && EntityId.safeParse(entry.name).success)
    .map((entry) => entry.name);
  const loaded: ReadMemo[] = [];
  for (let i = 0; i < ids.length; i += READ_AT_ONCE) {
    const batch = ids.slice(i, i + READ_AT_ONCE);
    const files = await Promise.all(batch.map((id) => readOne(id)));
    for (const file of files) if (file) loaded.push(file);
  }
  return loaded;

  /**
   * A memo folder without `memo.json`: a create cut off before its write (no rolling copy
   * exists then, and the folder is ignored), or a file deleted outside Margin, which gets
   * its newest rolling copy back.
   */
  async function restoreMissing(id: string): Promise<ReadMemo | null> {
    const path = layout.memoFile(id);
    const copy = await restoreNewestGeneration(
      generations,
      { kind: 'memo', memoId: id },
      memoFileSpec,
      path,
      (value) => value.memo.id === id,
    );
    if (!copy) return null;
    const file = fileFor(id);
    const content = await file.read();
    if (!content) return null;
    report({
      file: relative(layout.dataDir, path),
      setAsideAs: null,
      reason: 'it was missing',
      outcome: `Margin put back its rolling copy of "${content.memo.title}" from ${copyTime(copy.at)}; edits made after that time are lost.`,
    });
    return { content, file };
  }

  async function readOne(id: string): Promise<ReadMemo | null> {
    const path = layout.memoFile(id);
    const file = fileFor(id);
    try {
      const content = await file.read();
      if (content && content.memo.id !== id) {
        throw new StoreFileError(
          'corrupt',
          `it holds the memo of another folder (${content.memo.id})`,
        );
      }
      if (content) return { content, file };
      return readOnly ? null : restoreMissing(id);
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      const where = `memos/${id}`;
      if (error.kind === 'newer-version') {
        report({
          file: relative(layout.dataDir, path),
          setAsideAs: null,
          reason: error.reason,
          outcome: `The memo in ${where} is left as it is and not listed; update Margin to open it.`,
        });
      } else if (readOnly) {
        report({
          file: relative(layout.dataDir, path),
          setAsideAs: null,
          reason: error.reason,
          outcome: `The memo in ${where} is not listed; the library is read-only, so the file was left where it is.`,
        });
      } else {
        const outcome = `The memo in ${where} could not be opened and is not listed; its revisions (${where}/revisions/) are untouched, so earlier copies of its text can still be recovered.`;
        const generation = { kind: 'memo', memoId: id } as const;
        let restored: ReadMemo | null = null;
        await reportUnreadableFile(layout.dataDir, path, error, outcome, report, now, {
          recover: async () => {
            const copy = await restoreNewestGeneration(
              generations,
              generation,
              memoFileSpec,
              path,
              (value) => value.memo.id === id,
            );
            if (!copy) return null;
            const recovered = fileFor(id);
            const content = await recovered.read();
            if (!content) return null;
            restored = { content, file: recovered };
            return `Margin put back its rolling copy of "${copy.value.memo.title}" from ${copyTime(copy.at)}; edits made after that time are in the set-aside file only.`;
          },
        });
        return restored;
      }
      return null;
    }
  }
}
