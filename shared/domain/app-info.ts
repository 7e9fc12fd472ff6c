import { z } from 'zod';

/**
 * One bundled dependency's license, as the build writes it next to each bundle
 * (`out/<main|preload|renderer>/third-party-licenses.json`).
 */
export const ThirdPartyLicense = z.object({
  name: z.string().min(1),
  version: z.string(),
  /** The SPDX id or expression the package declares ("MIT", "(MIT OR Apache-2.0)"). */
  license: z.string(),
  /** The package's license file; null when it ships none. */
  licenseText: z.string().nullable(),
});
export type ThirdPartyLicense = z.infer<typeof ThirdPartyLicense>;

/** What the About window shows: versions, the analyst's folders, and the bundled licenses. */
export const AboutInfo = z.object({
  /** Margin's own version. */
  version: z.string(),
  /** Null when main does not run in Electron (the end-to-end tests run it in Node). */
  electron: z.string().nullable(),
  chrome: z.string().nullable(),
  node: z.string(),
  v8: z.string(),
  /** Node's names: `linux`, `darwin`, `win32`. */
  platform: z.string(),
  arch: z.string(),
  osRelease: z.string(),
  /** The data folder (the analyst's own path). */
  dataDir: z.string(),
  /** Where main writes its log (`main.log`). */
  logDir: z.string(),
  /** Sorted by name, one entry per name@version. */
  licenses: z.array(ThirdPartyLicense),
});
export type AboutInfo = z.infer<typeof AboutInfo>;

/**
 * The folders the page may ask main to show in the file manager. The page names one of
 * these, never a path: main knows where each is.
 */
export const AppFolder = z.enum(['data', 'logs']);
export type AppFolder = z.infer<typeof AppFolder>;

export const OpenFolderInput = z.object({ folder: AppFolder });
export type OpenFolderInput = z.infer<typeof OpenFolderInput>;

export const FolderOpened = z.object({ folder: AppFolder, path: z.string() });
export type FolderOpened = z.infer<typeof FolderOpened>;

/** Plain text for the analyst to review and paste into a message to support; never sent. */
export const ProblemReport = z.object({ text: z.string() });
export type ProblemReport = z.infer<typeof ProblemReport>;
