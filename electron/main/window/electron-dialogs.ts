import { BrowserWindow, dialog } from 'electron';
import type { Dialogs } from '../features/import/dialogs';
import { SUPPORTED_EXTENSIONS } from '../features/import/resolve-format';

/** The import feature's dialogs, as native Electron dialogs attached to the focused window. */
export function createElectronDialogs(): Dialogs {
  return {
    async chooseImportFiles() {
      const options: Electron.OpenDialogOptions = {
        title: 'Import articles',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: 'Articles (text, Markdown, web pages, PDF, Word, e-mail)',
            extensions: SUPPORTED_EXTENSIONS,
          },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const window = BrowserWindow.getFocusedWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
  };
}
