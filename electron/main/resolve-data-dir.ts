import { isAbsolute, join, resolve } from 'node:path';

/**
 * The data folder: `MARGIN_DATA_DIR` when set (a shared drive, a test folder), else
 * `library` inside the app's user-data folder.
 */
export function resolveDataDir(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.MARGIN_DATA_DIR?.trim();
  if (override) return isAbsolute(override) ? override : resolve(override);
  return join(userDataDir, 'library');
}
