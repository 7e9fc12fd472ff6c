/**
 * What main asks of the OS desktop. Electron's `shell` in the app; tests pass a recording
 * one (see `test-support/recording-desktop.ts`), so everything before it runs for real.
 */
export interface Desktop {
  /** Shows the folder in the OS file manager; an AppError, saying why, when it cannot. */
  openFolder(path: string): Promise<void>;
}
