import { open } from 'node:fs/promises';
import { fileTooLargeReason, IMPORT_FILE_MAX_BYTES } from '../../../../shared/domain/import-limits';
import { ImportError } from './import-error';

/** Reads a file the analyst chose, refusing it before reading when it is over the size limit. */
export async function readImportFile(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'the file no longer exists (it was moved or deleted)'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Margin is not allowed to read it'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : 'the file could not be read';
    throw new ImportError('DAMAGED_FILE', reason, { cause: error });
  }
  try {
    const { size } = await handle.stat();
    if (size > IMPORT_FILE_MAX_BYTES) throw new ImportError('TOO_LARGE', fileTooLargeReason(size));
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}
