import type { Dialog } from 'electron';
import type { Logger } from './logging/logger';
import { DataFolderLockedError } from './storage/data-folder-lock';
import { openLibrary, type Library } from './storage/open-library';

/** Opens the library, or tells the analyst in a dialog why it cannot be opened and returns null. */
export async function openLibraryOrExplain(
  dataDir: string,
  dialog: Pick<Dialog, 'showErrorBox'>,
  logger: Logger,
  appVersion: string,
): Promise<Library | null> {
  try {
    return await openLibrary(dataDir, { logger, appVersion });
  } catch (error) {
    logger.error(`Could not open the library in ${dataDir}`, error);
    if (error instanceof DataFolderLockedError) {
      dialog.showErrorBox(
        'Margin is already open',
        `${error.message}\n\nOnly one Margin at a time can work in the library at ${dataDir}. Close the other one and start Margin again.`,
      );
    } else {
      const code = (error as NodeJS.ErrnoException).code;
      dialog.showErrorBox(
        'Margin cannot open its library',
        `The library at ${dataDir} could not be opened${code ? ` (${code})` : ''}. Check that the folder exists and that you may write to it, then start Margin again.`,
      );
    }
    return null;
  }
}
