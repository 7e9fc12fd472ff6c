import type { SaveOutcome } from '../../../../shared/domain/export';
import { writeFileDurably } from '../../storage/durable-write';
import type { Dialogs, SaveFileRequest } from '../dialogs';
import { chooseSaveTarget } from './choose-save-target';
import { describeExportFailure } from './describe-export-failure';

export type { SaveOutcome };

/**
 * An export is a document the analyst shares: readable by others as any new document is
 * (the umask still applies), unlike the library's private store files.
 */
export const EXPORT_FILE_MODE = 0o644;

export interface SaveExportFileOptions {
  dialogs: Dialogs;
  request: SaveFileRequest;
  contents: string | Uint8Array;
  /** The thing saved, for messages: "the memo report". */
  what: string;
}

/**
 * Asks where to save, asks before replacing a file (unless the dialog already did), and
 * writes all or nothing: a temp file in the same folder, fsynced, renamed over the target.
 * A failure leaves any existing file as it was and no temp file behind, and throws an
 * AppError that names the folder and the cause. Cancelling either question saves nothing.
 */
export async function saveExportFile(options: SaveExportFileOptions): Promise<SaveOutcome> {
  const { dialogs, request, contents, what } = options;
  const target = await chooseSaveTarget(dialogs, request, what);
  if (target === null) return { saved: false };
  try {
    await writeFileDurably(target.writePath, contents, target.replacedMode ?? EXPORT_FILE_MODE);
  } catch (error) {
    throw describeExportFailure(what, target.writePath, error, target.replacedMode !== null);
  }
  const bytes =
    typeof contents === 'string' ? Buffer.byteLength(contents, 'utf8') : contents.byteLength;
  return { saved: true, path: target.path, bytes };
}
