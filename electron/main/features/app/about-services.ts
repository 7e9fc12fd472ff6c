import type { Desktop } from './desktop';

/** What the About window and the problem report need that the library does not know. */
export interface AboutServices {
  /** `process.versions`: `electron` and `chrome` are absent when main does not run in Electron. */
  versions: {
    readonly node: string;
    readonly v8: string;
    readonly electron?: string;
    readonly chrome?: string;
  };
  dataDir: string;
  /** The folder of electron-log's `main.log`. */
  logDir: string;
  /** The build's `out/` folder: each bundle's `third-party-licenses.json` is in its subfolder. */
  licensesDir: string;
  desktop: Desktop;
  /** The UI's locale ("de-DE"), `app.getLocale()` in the app; the process's locale otherwise. */
  locale?: string;
  /** Shown as `~` in the problem report; the user's home folder unless a test sets one. */
  homeDir?: string;
}
