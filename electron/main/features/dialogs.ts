/** A file type the save dialog offers ("Markdown", ["md"]). */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** The dialog's title ("Export memo as Markdown"). */
  title: string;
  /** A file name already made safe for every file system (see `safeFileName`). */
  defaultName: string;
  filters: FileFilter[];
}

/** Where the analyst chose to save. */
export interface SaveTarget {
  path: string;
  /**
   * True when the dialog itself already asked whether to replace an existing file (native
   * save dialogs do); otherwise main asks with `confirmReplace` before replacing one.
   */
  replaceConfirmed: boolean;
}

/**
 * The native dialogs main needs. Electron's `dialog` in the app; tests pass one that
 * returns the paths and answers a test chose, so everything behind the dialog runs for real.
 */
export interface Dialogs {
  /** Absolute paths of the files the analyst picked to import; empty when they cancelled. */
  chooseImportFiles(): Promise<string[]>;
  /** Where to save an export or a backup; null when the analyst cancelled. */
  chooseSaveFile(request: SaveFileRequest): Promise<SaveTarget | null>;
  /** Asks whether to replace the existing file at `path`; false keeps it. */
  confirmReplace(path: string): Promise<boolean>;
  /** The backup file to restore from; null when the analyst cancelled. */
  chooseBackupFile(): Promise<string | null>;
}
