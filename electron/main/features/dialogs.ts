/**
 * The native dialogs the import feature needs. Electron's `dialog` in the app; tests pass
 * one that returns the files a test chose, so everything behind the dialog runs for real.
 */
export interface Dialogs {
  /** Absolute paths of the files the analyst picked; empty when they cancelled. */
  chooseImportFiles(): Promise<string[]>;
}
