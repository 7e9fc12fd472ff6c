import { extname } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { Dialogs } from '../features/dialogs';
import { SUPPORTED_EXTENSIONS } from '../features/import/resolve-format';

/** The dialogs' parent: the focused window, so they open as sheets over it. */
function parentWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? undefined;
}

/** Main's dialogs, as native Electron dialogs attached to the focused window. */
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
      const window = parentWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },

    async chooseSaveFile({ title, defaultName, filters }) {
      const options: Electron.SaveDialogOptions = {
        title,
        defaultPath: defaultName,
        buttonLabel: 'Save',
        filters,
        // macOS and Windows always ask before replacing; GTK only when told to.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = parentWindow();
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      // GTK does not add the extension when the analyst types a name without one; the
      // dialog's replace question was then about another name, so main asks again.
      const extension = filters[0]?.extensions[0];
      if (extension && extname(result.filePath) === '') {
        return { path: `${result.filePath}.${extension}`, replaceConfirmed: false };
      }
      return { path: result.filePath, replaceConfirmed: true };
    },

    async confirmReplace(path) {
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        title: 'Replace file?',
        message: `A file named "${path.split(/[\\/]/).pop()}" already exists. Replace it?`,
        detail: `Replacing it overwrites ${path}.`,
        buttons: ['Cancel', 'Replace'],
        defaultId: 0,
        cancelId: 0,
      };
      const window = parentWindow();
      const { response } = window
        ? await dialog.showMessageBox(window, options)
        : await dialog.showMessageBox(options);
      return response === 1;
    },

    async chooseBackupFile() {
      const options: Electron.OpenDialogOptions = {
        title: 'Restore library from backup',
        buttonLabel: 'Choose backup',
        properties: ['openFile'],
        filters: [
          { name: 'Margin backups', extensions: ['zip'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const window = parentWindow();
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
